import type { TargetKind } from '@pcmt/domain/contracts/plans';
import { formatDate } from '@pcmt/domain/format';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { ApiErrorNotice } from '../../components/api-error-notice';
import { TableExport } from '../../entities/table/components/table-export';
import { readTable } from '../../entities/table/lib/read-table';
import { formatPercent, withUnit } from '../../lib/format';
import { hrefWithLang, langOf, onInAppLinkClick, useLocation } from '../../lib/navigation';
import { planQuery } from './api/plans-api';
import { ProgressBar, StatusBadge } from './components/status-badge';
import { formatNumber } from './lib/progress-style';
import { goalText, measureText, planText, projectionNotes, reasonText } from './messages';
import './plans.css';
import { routeAs, routePath } from '../../lib/routes';

/** A plan: its targets with progress bars, statuses, projections, and links to scorecard and ranking. */
export default function PlanPage() {
  const location = useLocation();
  const lang = langOf(location.search);
  const t = (k: Parameters<typeof planText>[1]) => planText(lang, k);
  const code = routeAs('plan', location.pathname)?.plan ?? '';
  const plan = useQuery(planQuery(code));
  const data = plan.data;
  const targetsTable = useRef<HTMLTableElement>(null);
  const progressOf = new Map(data?.progress.map((p) => [p.target, p.progress]));
  return (
    <main className="plans-page" data-testid="plan-page">
      <p>
        <a href={hrefWithLang(routePath({ page: 'plans' }), lang)} onClick={onInAppLinkClick}>
          ← {t('plans')}
        </a>
      </p>
      {plan.isPending && <p className="loading">…</p>}
      {plan.isError && (
        <ApiErrorNotice error={plan.error} lang={lang}>
          <a href={hrefWithLang(routePath({ page: 'plans' }), lang)} onClick={onInAppLinkClick}>
            {t('seePlans')}
          </a>
        </ApiErrorNotice>
      )}
      {data && (
        <>
          <h2>{data.plan.title}</h2>
          <p className="meta">
            {t('issuedBy')}: {data.plan.issuingBody} · {t('document')}: {data.plan.documentNo} (
            {formatDate(data.plan.issuedOn)}) · {t('scope')}: {data.plan.scope?.name ?? t('country')} ·{' '}
            {t('period')}: {formatDate(data.plan.periodStart)} – {formatDate(data.plan.periodEnd)} ·{' '}
            {t('asOf')} {formatDate(data.meta.asOf)}
          </p>
          {data.plan.notes && <p className="meta">{data.plan.notes}</p>}
          <p className="toolbar">
            <a
              href={hrefWithLang(routePath({ page: 'scorecard', plan: code }), lang)}
              onClick={onInAppLinkClick}
            >
              {t('scorecard')} →
            </a>
            <a
              href={hrefWithLang(routePath({ page: 'plan-edit', plan: code }), lang)}
              onClick={onInAppLinkClick}
            >
              {t('edit')}
            </a>
            <TableExport
              fileBase={`ke-hoach-${code}`}
              sheet={t('targets')}
              caption={`${data.plan.title} — ${data.plan.documentNo} — ${t('asOf')} ${formatDate(data.meta.asOf)}`}
              lang={lang}
              data={() => (targetsTable.current ? readTable(targetsTable.current, lang) : null)}
            />
          </p>
          <table className="targets-table" ref={targetsTable}>
            <thead>
              <tr>
                <th>{t('target')}</th>
                <th>{t('deadline')}</th>
                <th>{t('baseline')}</th>
                <th>{t('current')}</th>
                <th>{t('goal')}</th>
                <th>{t('progress')}</th>
                <th>{t('projected')}</th>
                <th>{t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.plan.targets.map((target) => {
                const p = progressOf.get(target.code);
                if (!p) return null;
                const kind = `kind_${target.definition.kind}` as `kind_${TargetKind}`;
                return (
                  <tr key={target.code} data-testid={`target-${target.code}`}>
                    <td>
                      <strong>{target.title}</strong>
                      <div className="meta">
                        {t(kind)}
                        {target.definition.eachChild ? ` · ${t('eachChild')}` : ''}
                        {'window' in target.definition && target.definition.window.eachYear
                          ? ` · ${t('eachYear')}`
                          : ''}
                        {' · '}
                        <a
                          href={hrefWithLang(
                            `${routePath({ page: 'scorecard', plan: code })}?xep-hang=${target.code}`,
                            lang,
                          )}
                          onClick={onInAppLinkClick}
                        >
                          {t('ranking')}
                        </a>
                      </div>
                    </td>
                    <td>{formatDate(target.deadline)}</td>
                    <td className="num">
                      {p.baseline === null ? '–' : withUnit(formatNumber(p.baseline, lang), p.unit)}
                    </td>
                    <td className="num">
                      {p.current === null ? '–' : withUnit(formatNumber(p.current, lang), p.unit)}
                      {measureText(p, lang) && <div className="meta">{measureText(p, lang)}</div>}
                      {p.children && (
                        <div className="meta">
                          {p.children.met}/{p.children.total} {t('childrenMet')}
                        </div>
                      )}
                    </td>
                    <td className="num">{goalText(p, lang)}</td>
                    <td>
                      <ProgressBar pct={p.progressPct} status={p.status} />
                      <span className="meta">
                        {p.progressPct === null ? '–' : formatPercent(p.progressPct, lang, 0)}
                      </span>
                    </td>
                    <td
                      className="num"
                      title={lang === 'vi' ? p.projection.descriptionVi : p.projection.descriptionEn}
                    >
                      {p.projection.value === null
                        ? '–'
                        : withUnit(formatNumber(p.projection.value, lang), p.unit)}
                      <div className="meta">
                        {lang === 'vi' ? p.projection.descriptionVi : p.projection.descriptionEn}
                      </div>
                      {projectionNotes(p, lang).map((note) => (
                        <div className="meta" key={note}>
                          {note}
                        </div>
                      ))}
                    </td>
                    <td>
                      <StatusBadge status={p.status} lang={lang} />
                      {p.band && <div className="meta">{t(p.band)}</div>}
                      {p.reasonCode && (
                        <div className="meta" data-testid="target-reason">
                          {reasonText(p, lang)}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}
