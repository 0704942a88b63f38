import type { CommuneStatus } from '@pcmt/domain/contracts/common';
import { yearEnd, yearOf } from '@pcmt/domain/periods';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { ApiErrorNotice } from '../../components/api-error-notice';
import { AtlasMap } from '../../components/map/atlas-map';
import { mayOpenProvince, useHomeArea } from '../../entities/auth/home-area';
import { sessionQuery } from '../../entities/auth/session';
import { TableExport } from '../../entities/table/components/table-export';
import { readTable } from '../../entities/table/lib/read-table';
import { unitsQuery } from '../../entities/units/api/get-units';
import { type Lang, STATUS_LABELS } from '../../lib/i18n';
import { langOf, navigate, useLocation } from '../../lib/navigation';
import { STATUS_COLORS, STATUS_ORDER, statusClass } from '../../lib/status-style';
import { differencesQuery, explainQuery } from './api/status-rules-api';
import { RuleProposals } from './components/rule-proposals';
import { rulesText } from './messages';
import '../../components/page.css';
import './rules.css';

const YEARS = ['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026'];
const DIFFERENCE_COLORS = ['#4d9221', '#c51b7d'];

type T = (k: Parameters<typeof rulesText>[1]) => string;

/**
 * The official criteria on the map: each commune coloured by its suggested status (or by whether the
 * suggestion agrees with the decision), the list of communes where they differ, and for a picked commune
 * every criterion with its measured value beside the threshold. URL: tinh, nam, xa, to=khac.
 */
export default function RulesPage() {
  const location = useLocation();
  const lang = langOf(location.search);
  const t: T = (k) => rulesText(lang, k);
  // Opens on the user's own province; a national user on Sơn La (the criteria's worked example).
  const area = useHomeArea();
  const role = useQuery(sessionQuery).data?.user?.role ?? null;
  const province = location.search.get('tinh') ?? (area.ready ? (area.home ?? '14') : null);
  const year = location.search.get('nam') ?? '2025';
  const commune = location.search.get('xa');
  const byDifference = location.search.get('to') === 'khac';
  const at = yearEnd(yearOf(year));
  const withParams = (changes: Record<string, string | null>) => {
    const q = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) q.delete(k);
      else q.set(k, v);
    }
    return `${location.pathname}?${q.toString()}`;
  };

  const provinces = useQuery(unitsQuery({ level: 'province', parent: null, at }));
  const differences = useQuery({ ...differencesQuery(year, province ?? ''), enabled: province !== null });
  const provinceOptions = (provinces.data?.rows ?? []).filter((p) => mayOpenProvince(area, p.code));
  const rows = differences.data?.rows ?? [];
  const classes = useMemo(
    () =>
      new Map(
        rows.map((r) => [
          r.code,
          byDifference ? (r.decided === null ? -1 : r.differs ? 1 : 0) : statusClass(r.suggested),
        ]),
      ),
    [rows, byDifference],
  );
  const bounds = useMemo(() => {
    if (rows.length === 0) return null;
    const xs = rows.map((r) => r.labelPoint[0]);
    const ys = rows.map((r) => r.labelPoint[1]);
    return [
      Math.min(...xs) - 0.05,
      Math.min(...ys) - 0.05,
      Math.max(...xs) + 0.05,
      Math.max(...ys) + 0.05,
    ] as [number, number, number, number];
  }, [rows]);
  const differing = rows.filter((r) => r.differs);
  const differencesTable = useRef<HTMLTableElement>(null);
  const palette = byDifference ? DIFFERENCE_COLORS : STATUS_ORDER.map((s) => STATUS_COLORS[s]);

  return (
    <main className="rules-page" data-testid="rules-page">
      <aside>
        <h2 style={{ fontSize: 18 }}>{t('title')}</h2>
        <div className="toolbar">
          <label>
            {t('province')}{' '}
            <select
              data-testid="rules-province"
              value={province ?? ''}
              onChange={(e) => navigate(withParams({ tinh: e.target.value, xa: null }))}
            >
              {(provinceOptions.length > 0 ? provinceOptions : [{ code: province ?? '', name: '…' }]).map(
                (p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ),
              )}
            </select>
          </label>
          <label>
            {t('year')}{' '}
            <select value={year} onChange={(e) => navigate(withParams({ nam: e.target.value, xa: null }))}>
              {YEARS.map((y) => (
                <option key={y}>{y}</option>
              ))}
            </select>
          </label>
        </div>
        <div className="toolbar">
          {t('colourBy')}:
          <label>
            <input type="radio" checked={!byDifference} onChange={() => navigate(withParams({ to: null }))} />{' '}
            {t('bySuggested')}
          </label>
          <label>
            <input
              type="radio"
              checked={byDifference}
              onChange={() => navigate(withParams({ to: 'khac' }))}
            />{' '}
            {t('byDifference')}
          </label>
        </div>
        <ul style={{ listStyle: 'none', padding: 0, fontSize: 12 }} aria-label="legend">
          {byDifference
            ? [t('agree'), t('differs')].map((label, i) => (
                <li key={label}>
                  <Swatch color={DIFFERENCE_COLORS[i] ?? '#ccc'} /> {label}
                </li>
              ))
            : STATUS_ORDER.map((s) => (
                <li key={s}>
                  <Swatch color={STATUS_COLORS[s]} /> {STATUS_LABELS[lang][s]}
                </li>
              ))}
        </ul>
        {differences.isError && (
          <ApiErrorNotice error={differences.error} lang={lang}>
            {area.home && area.home !== province && (
              <a
                href={withParams({ tinh: area.home, xa: null })}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(withParams({ tinh: area.home, xa: null }));
                }}
              >
                {t('openHome')}
              </a>
            )}
          </ApiErrorNotice>
        )}
        {differences.data && (
          <p className="meta">
            {t('ruleSet')}: {differences.data.ruleSet.legalSource} (v{differences.data.ruleSet.version})
          </p>
        )}
        {differences.data && differences.data.ruleSet.cannotProduce.length > 0 && (
          <p className="meta" data-testid="rules-cannot-produce">
            {t('cannotProduce')}:{' '}
            {differences.data.ruleSet.cannotProduce.map((c) => STATUS_LABELS[lang][c.status]).join(', ')} (
            {t('cannotProduceWhy')})
          </p>
        )}
        <p className="meta">{t('yearlyNote')}</p>
        {differences.data && (role === 'admin' || role === 'committee') && (
          // A province proposes new thresholds; a national administrator decides (issue 16).
          <RuleProposals
            ruleSetCode={differences.data.ruleSet.code}
            area={area}
            mayPropose={!area.national && area.provinces.length > 0}
            mayDecide={role === 'admin' && area.national}
          />
        )}
        {commune ? (
          <Explanation commune={commune} year={year} lang={lang} t={t} close={withParams({ xa: null })} />
        ) : (
          <p className="meta">{t('pick')}</p>
        )}
        <h3 style={{ fontSize: 14 }}>
          {t('differ')} ({differing.length}/{rows.length})
        </h3>
        {differences.data && differing.length === 0 && <p className="meta">{t('none')}</p>}
        {differing.length > 0 && (
          <TableExport
            fileBase={`tieu-chi-khac-biet-${year}`}
            sheet={t('differ')}
            caption={`${t('differ')} — ${year}`}
            lang={lang}
            data={() => (differencesTable.current ? readTable(differencesTable.current, lang) : null)}
          />
        )}
        <table className="ranking" data-testid="differences" ref={differencesTable}>
          <thead>
            <tr>
              <th>{lang === 'vi' ? 'Xã' : 'Commune'}</th>
              <th>{t('suggested')}</th>
              <th>{t('decided')}</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((r) => (
              <tr key={r.code} aria-selected={r.code === commune}>
                <td>
                  <a
                    href={withParams({ xa: r.code })}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(withParams({ xa: r.code }));
                    }}
                  >
                    {r.name}
                  </a>
                </td>
                <td>{STATUS_LABELS[lang][r.suggested]}</td>
                <td>{r.decided ? STATUS_LABELS[lang][r.decided] : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </aside>
      <div className="map-box">
        <AtlasMap
          tileAt={at}
          classes={classes}
          classesKey={`${province ?? ''}:${year}:${byDifference ? 'diff' : 'suggested'}:${rows.length}`}
          fill={{ palette, noDataColor: '#d9d9d9', outsideColor: '#f7f7f4' }}
          showDistricts={false}
          focusProvince={province}
          selectedCommune={commune}
          position={null}
          frame={bounds ? { key: `${province}:${year}`, bounds } : null}
          deckLayers={[]}
          onMove={() => undefined}
          onClick={(click) => {
            if (click.communeCode) navigate(withParams({ xa: click.communeCode }));
          }}
          onPick={() => undefined}
          ariaLabel={t('mapLabel')}
          basemapStyleUrl={null}
        />
      </div>
    </main>
  );
}

function Swatch({ color }: { color: string }) {
  return (
    <span
      style={{
        display: 'inline-block',
        width: 12,
        height: 12,
        background: color,
        border: '1px solid #999',
        verticalAlign: 'middle',
      }}
    />
  );
}

const OPS = { gte: '≥', gt: '>' } as const;

function Explanation(p: { commune: string; year: string; lang: Lang; t: T; close: string }) {
  const explain = useQuery(explainQuery(p.commune, p.year));
  const d = explain.data;
  const label = (s: CommuneStatus) => STATUS_LABELS[p.lang][s];
  return (
    <section className="detail-panel" data-testid="rule-explanation">
      <div className="toolbar">
        <strong>{d?.commune.name ?? p.commune}</strong>
        <a
          href={p.close}
          onClick={(e) => {
            e.preventDefault();
            navigate(p.close);
          }}
        >
          {p.t('close')}
        </a>
      </div>
      {explain.isError && <ApiErrorNotice error={explain.error} lang={p.lang} />}
      {d && (
        <>
          <p data-testid="suggested-vs-decided">
            {p.t('suggested')}: <strong>{label(d.suggested)}</strong>
            <br />
            {p.t('decided')}:{' '}
            <strong>
              {d.decided
                ? `${label(d.decided.status)} (${d.decided.document}, ${d.decided.effectiveDate})`
                : p.t('noDecision')}
            </strong>
            {d.differs && <span className="error"> — {p.t('differs')}</span>}
          </p>
          {d.categories.map((c) => (
            <table key={c.status} className="criteria" style={{ marginBottom: 10 }}>
              <caption style={{ textAlign: 'left', fontWeight: 600 }}>
                {label(c.status)}: {c.metCount}/{c.criteria.length} ({p.t('needs')} {c.minCriteria})
                {c.satisfied ? ` — ${p.t('satisfied')}` : ''}
              </caption>
              <thead>
                <tr>
                  <th>{p.t('criteria')}</th>
                  <th>{p.t('measured')}</th>
                  <th>{p.t('threshold')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {c.criteria.map((k) => (
                  <tr key={k.id} data-met={String(k.met)}>
                    <td>
                      {p.lang === 'vi' ? k.labelVi : k.labelEn}
                      {!k.confirmed && <div className="unconfirmed">⚠ {p.t('unconfirmed')}</div>}
                      {k.note && <div className="meta">{k.note}</div>}
                    </td>
                    <td className="num">
                      {k.measured === null
                        ? '–'
                        : k.measured.toLocaleString(p.lang === 'vi' ? 'vi-VN' : 'en-GB', {
                            maximumFractionDigits: 3,
                          })}
                    </td>
                    <td className="num">
                      {OPS[k.op]} {k.threshold.toLocaleString(p.lang === 'vi' ? 'vi-VN' : 'en-GB')}
                    </td>
                    <td className={k.met ? 'met' : 'unmet'}>
                      {k.met === null ? p.t('unknown') : k.met ? `✓ ${p.t('met')}` : p.t('notMet')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </>
      )}
    </section>
  );
}
