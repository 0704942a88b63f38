import { formatNumber } from '../../../lib/format';
import type { Lang } from '../../../lib/i18n';
import type { BoundariesReport } from '../api/upload';
import { importMessages } from '../messages';

const LIST = 50;

/** What a boundary file changes against the current unit version: added, removed and changed units, and checks. */
export function VersionDiff({ report, lang }: { report: BoundariesReport; lang: Lang }) {
  const t = (k: Parameters<typeof importMessages>[1]) => importMessages(lang, k);
  const n = (x: number) => formatNumber(x, lang);
  return (
    <section className="import-preview" data-testid="version-diff">
      <h4>
        {t('diff')} ({report.crs.description})
      </h4>
      <p data-testid="version-diff-counts">
        {n(report.added.length)} {t('added')} · {n(report.removed.length)} {t('removed')} ·{' '}
        {n(report.changed.length)} {t('changed')} · {n(report.unchanged)} {t('unchanged')}
      </p>
      <p>
        {n(report.repaired.length)} {t('repaired')}
        {report.repaired.length > 0 && `: ${report.repaired.join(', ')}`} · {n(report.overlaps.length)}{' '}
        {t('overlaps')} · {n(report.gaps.length)} {t('gaps')} · {n(report.unmapped.length)} {t('unmapped')}
      </p>
      <div className="version-diff-lists">
        {(
          [
            ['added', report.added],
            ['removed', report.removed],
            ['changed', report.changed],
          ] as const
        ).map(([key, units]) =>
          units.length === 0 ? null : (
            <details key={key} open={units.length <= 10}>
              <summary>
                {t(key)} ({n(units.length)})
              </summary>
              <ul data-testid={`diff-${key}`}>
                {units.slice(0, LIST).map((u) => (
                  <li key={u.code}>
                    {u.code} {u.name}
                    {'what' in u ? ` — ${(u.what as string[]).join(', ')}` : ''}
                  </li>
                ))}
                {units.length > LIST && <li>…</li>}
              </ul>
            </details>
          ),
        )}
      </div>
    </section>
  );
}
