import type { ProgressSummary } from '@pcmt/domain/contracts/plans';
import { formatDate } from '@pcmt/domain/format';
import { useQuery } from '@tanstack/react-query';
import { ApiErrorNotice } from '../../components/api-error-notice';
import { TableExport } from '../../entities/table/components/table-export';
import { formatPercent, withUnit } from '../../lib/format';
import type { Lang } from '../../lib/i18n';
import { hrefWithLang, langOf, navigate, onInAppLinkClick, useLocation } from '../../lib/navigation';
import { rankingQuery, scorecardQuery, targetDetailQuery } from './api/plans-api';
import { StatusBadge } from './components/status-badge';
import { TrendChart } from './components/trend-chart';
import { formatNumber, PROGRESS_COLORS, PROGRESS_ORDER, PROGRESS_TEXT } from './lib/progress-style';
import { measureText, planText, projectionNotes, reasonText } from './messages';
import './plans.css';
import { routeAs, routePath } from '../../lib/routes';

type T = (k: Parameters<typeof planText>[1]) => string;

/**
 * A plan's scorecard on a unit: rows = targets, columns = child units (or years), traffic-light cells.
 * The URL holds the state: `don-vi` (unit), `cot=nam` (years), `o` (open cell `target:column`), `xep-hang`.
 */
export default function ScorecardPage() {
  const location = useLocation();
  const lang = langOf(location.search);
  const t: T = (k) => planText(lang, k);
  const code = routeAs('scorecard', location.pathname)?.plan ?? '';
  const unit = location.search.get('don-vi');
  const columns = location.search.get('cot') === 'nam' ? 'periods' : 'children';
  const open = location.search.get('o');
  const ranked = location.search.get('xep-hang');
  const card = useQuery(scorecardQuery({ code, unit, columns }));

  /** The same page with some URL parameters changed (null removes one). */
  const withParams = (changes: Record<string, string | null>) => {
    const q = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) q.delete(k);
      else q.set(k, v);
    }
    const query = q.toString();
    return `${location.pathname}${query ? `?${query}` : ''}`;
  };
  const [openTarget, openKey] = open?.split(':') ?? [];
  const data = card.data;
  // A district or commune is named with its province ("Quận Bắc Từ Liêm, Thành phố Hà Nội").
  const areaName = data?.unit
    ? `${data.unit.name}${data.unit.provinceName ? `, ${data.unit.provinceName}` : ''}`
    : t('country');
  return (
    <main className="plans-page" data-testid="scorecard-page">
      <p>
        <a href={hrefWithLang(routePath({ page: 'plan', plan: code }), lang)} onClick={onInAppLinkClick}>
          ← {data?.plan.title ?? t('back')}
        </a>
      </p>
      <h2>
        {t('scorecard')}: {areaName}
      </h2>
      <div className="toolbar">
        <span>
          {t('asOf')} {data ? formatDate(data.meta.asOf) : '…'}
        </span>
        {unit && (
          <a href={withParams({ 'don-vi': null, o: null })} onClick={onInAppLinkClick}>
            ↑ {t('upToScope')}
          </a>
        )}
        <fieldset style={{ border: 0, padding: 0, margin: 0, display: 'flex', gap: 8 }}>
          <label>
            <input
              type="radio"
              name="columns"
              checked={columns === 'children'}
              onChange={() => navigate(withParams({ cot: null, o: null }))}
            />{' '}
            {t('columnsChildren')}
          </label>
          <label>
            <input
              type="radio"
              name="columns"
              checked={columns === 'periods'}
              onChange={() => navigate(withParams({ cot: 'nam', o: null }))}
            />{' '}
            {t('columnsPeriods')}
          </label>
        </fieldset>
        {data && (
          <TableExport
            fileBase={`bang-diem-${code}${unit ? `-${unit}` : ''}`}
            sheet={t('scorecardSheet')}
            caption={`${data.plan.title} — ${t('scorecard')}: ${areaName} — ${t('asOf')} ${formatDate(data.meta.asOf)}`}
            lang={lang}
            data={() => ({
              // One line per target and column (long form): what a spreadsheet filters and pivots best.
              columns: [
                t('target'),
                t('deadline'),
                columns === 'children' ? t('unitColumn') : t('periodColumn'),
                t('current'),
                t('goal'),
                t('projected'),
                t('status'),
              ],
              rows: data.rows.flatMap((row) =>
                [
                  { label: t('total'), summary: row.total },
                  ...row.cells.map((c, i) => ({ label: data.columns[i]?.label ?? c.key, summary: c })),
                ].map(({ label, summary }) => [
                  row.target.title,
                  formatDate(row.target.deadline),
                  label,
                  summary.current,
                  summary.target,
                  summary.projected,
                  t(summary.status),
                ]),
              ),
            })}
          />
        )}
        <span>
          {PROGRESS_ORDER.map((s) => (
            <span key={s} style={{ marginRight: 6 }}>
              <StatusBadge status={s} lang={lang} />
            </span>
          ))}
        </span>
      </div>
      {card.isPending && <p className="loading">…</p>}
      {card.isError && (
        <ApiErrorNotice error={card.error} lang={lang}>
          <a href={hrefWithLang(routePath({ page: 'plans' }), lang)} onClick={onInAppLinkClick}>
            {t('seePlans')}
          </a>
        </ApiErrorNotice>
      )}
      {data && (
        <div className="scorecard-wrap">
          <table className="scorecard" data-testid="scorecard">
            <thead>
              <tr>
                <th className="target-head">{t('target')}</th>
                <th>{t('total')}</th>
                {data.columns.map((c) => (
                  <th key={c.key} title={c.label}>
                    {c.drill ? (
                      <a
                        href={withParams({ 'don-vi': c.key, o: null, cot: null })}
                        onClick={onInAppLinkClick}
                        title={t('drill')}
                      >
                        {c.label}
                      </a>
                    ) : (
                      c.label
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.target.code}>
                  <th scope="row">
                    {row.target.title}
                    <div className="meta">
                      {row.target.allocation && (
                        <span data-testid="allocation-note">
                          {t(`allocated_${row.target.allocation}`)}
                          <br />
                        </span>
                      )}
                      {t('deadline')} {formatDate(row.target.deadline)} ·{' '}
                      <a href={withParams({ 'xep-hang': row.target.code })} onClick={onInAppLinkClick}>
                        {t('ranking')}
                      </a>
                    </div>
                  </th>
                  <td>
                    <Cell
                      summary={row.total}
                      lang={lang}
                      pressed={open === `${row.target.code}:`}
                      href={withParams({ o: `${row.target.code}:` })}
                      label={`${row.target.title} — ${t('total')}`}
                    />
                  </td>
                  {row.cells.map((cell) => (
                    <td key={cell.key} data-unit={cell.key}>
                      <Cell
                        summary={cell}
                        lang={lang}
                        allocated={row.target.allocation !== null}
                        pressed={open === `${row.target.code}:${cell.key}`}
                        href={withParams({ o: `${row.target.code}:${cell.key}` })}
                        label={`${row.target.title} — ${data.columns.find((c) => c.key === cell.key)?.label ?? cell.key}`}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {openTarget && (
        <CellDetail
          code={code}
          target={openTarget}
          // A year column shows the scope unit's own trend; a unit column that unit's.
          unit={columns === 'periods' || !openKey ? unit : openKey}
          lang={lang}
          t={t}
          close={withParams({ o: null })}
        />
      )}
      {ranked && (
        <Ranking code={code} target={ranked} lang={lang} t={t} close={withParams({ 'xep-hang': null })} />
      )}
    </main>
  );
}

function Cell(p: {
  summary: ProgressSummary;
  lang: Lang;
  pressed: boolean;
  href: string;
  label: string;
  /** The row allocates a whole-scope count: the cell is judged against this child's share (`target`). */
  allocated?: boolean;
}) {
  const s = p.summary;
  // A child judged on its own share shows the figure against that share ("3/5"); without a share, no target.
  const hasShare = p.allocated === true && !s.reasonCode?.startsWith('allocation_');
  const value = s.children
    ? `${s.children.met}/${s.children.total}`
    : hasShare
      ? `${formatNumber(s.current, p.lang)}/${formatNumber(s.target, p.lang)}`
      : s.unit === '%' && s.current !== null
        ? withUnit(formatNumber(s.current, p.lang), '%')
        : formatNumber(s.current, p.lang);
  // A child's part of a whole-scope count is not judged: it says so instead of a status.
  const label =
    s.reasonCode === 'contribution' ? planText(p.lang, 'contribution') : planText(p.lang, s.status);
  const share = hasShare
    ? ` — ${planText(p.lang, 'share')}: ${formatNumber(s.target, p.lang)}${s.unit ? ` ${s.unit}` : ''}`
    : '';
  return (
    <button
      type="button"
      aria-pressed={p.pressed}
      aria-label={`${p.label}: ${value} — ${label}${share}`}
      title={`${label}${share}${s.reasonCode ? ` — ${reasonText(s, p.lang)}` : ''}`}
      data-target={hasShare ? String(s.target) : undefined}
      data-status={s.status}
      style={{ background: PROGRESS_COLORS[s.status], color: PROGRESS_TEXT[s.status] }}
      onClick={() => navigate(p.href)}
    >
      {value}
    </button>
  );
}

function CellDetail(p: {
  code: string;
  target: string;
  unit: string | null;
  lang: Lang;
  t: T;
  close: string;
}) {
  const detail = useQuery(targetDetailQuery(p.code, p.target, p.unit));
  const d = detail.data;
  return (
    <section className="detail-panel" data-testid="cell-detail" aria-label={p.t('trend')}>
      <div className="toolbar">
        <strong>{d ? `${d.target.title} — ${d.unit?.name ?? p.t('country')}` : '…'}</strong>
        <a href={p.close} onClick={onInAppLinkClick}>
          {p.t('close')}
        </a>
      </div>
      {detail.isError && <ApiErrorNotice error={detail.error} lang={p.lang} />}
      {d && (
        <div className="detail-grid">
          <div>
            <p className="meta">
              <StatusBadge status={d.progress.status} lang={p.lang} /> {p.t('current')}:{' '}
              {formatNumber(d.progress.current, p.lang)} {d.progress.unit} · {p.t('goal')}:{' '}
              {formatNumber(d.progress.target, p.lang)}
              {d.progress.targetMax !== null ? `–${formatNumber(d.progress.targetMax, p.lang)}` : ''} ·{' '}
              {p.t('projected')}: {formatNumber(d.progress.projection.value, p.lang)} · {p.t('deadline')}{' '}
              {formatDate(d.target.deadline)}
              {d.progress.reasonCode ? ` · ${reasonText(d.progress, p.lang)}` : ''}
              {measureText(d.progress, p.lang) ? ` · ${measureText(d.progress, p.lang)}` : ''}
              {projectionNotes(d.progress, p.lang).map((note) => ` · ${note}`)}
            </p>
            <TrendChart progress={d.progress} deadline={d.target.deadline} lang={p.lang} />
            {d.progress.years && (
              <p className="meta">
                {d.progress.years
                  .map((y) => `${y.year}: ${formatNumber(y.current, p.lang)} (${p.t(y.status)})`)
                  .join(' · ')}
              </p>
            )}
          </div>
          <div>
            <h3 style={{ fontSize: 14 }}>{p.t('unitsBehind')}</h3>
            <table className="ranking" data-testid="units-behind">
              <tbody>
                {d.units.map((u) => (
                  <tr key={u.code}>
                    <td>{u.name}</td>
                    <td className="num">
                      {u.children ? `${u.children.met}/${u.children.total}` : formatNumber(u.current, p.lang)}
                    </td>
                    <td>
                      <StatusBadge status={u.status} lang={p.lang} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}

function Ranking(p: { code: string; target: string; lang: Lang; t: T; close: string }) {
  const ranking = useQuery(rankingQuery(p.code, p.target));
  return (
    <section className="detail-panel" data-testid="ranking" aria-label={p.t('ranking')}>
      <div className="toolbar">
        <strong>
          {p.t('ranking')}: {ranking.data?.target.title ?? '…'}
        </strong>
        <a href={p.close} onClick={onInAppLinkClick}>
          {p.t('close')}
        </a>
      </div>
      {ranking.isError && <ApiErrorNotice error={ranking.error} lang={p.lang} />}
      <table className="ranking">
        <thead>
          <tr>
            <th>{p.t('rank')}</th>
            <th>{p.t('unit')}</th>
            <th>{p.t('current')}</th>
            <th>{p.t('progress')}</th>
            <th>{p.t('status')}</th>
          </tr>
        </thead>
        <tbody>
          {ranking.data?.rows.map((r) => (
            <tr key={r.code}>
              <td>{r.rank}</td>
              <td>{r.name}</td>
              <td className="num">
                {formatNumber(r.current, p.lang)} {r.unit}
              </td>
              <td className="num">
                {r.progressPct === null ? '–' : formatPercent(r.progressPct, p.lang, 0)}
              </td>
              <td>
                <StatusBadge status={r.status} lang={p.lang} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
