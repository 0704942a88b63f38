import type { PublicSummaryResponse } from '@pcmt/domain/contracts/public';
import { formatDate } from '@pcmt/domain/format';
import { formatNumber, withUnit } from '../../../lib/format';
import type { Lang } from '../../../lib/i18n';
import { publicText } from '../messages';
import { publishedText } from '../published-number';

type Target = PublicSummaryResponse['targets'][number];

/** Public targets with their progress: a bar to the target, the status in words, the deadline. */
export function TargetsList({ targets, lang }: { targets: readonly Target[]; lang: Lang }) {
  const t = (k: Parameters<typeof publicText>[1]) => publicText(lang, k);
  if (targets.length === 0) return <p className="public-muted">{t('noTargets')}</p>;
  return (
    <ul className="public-targets" data-testid="public-targets">
      {targets.map((target) => {
        const pct = Math.max(0, Math.min(100, target.progressPct ?? 0));
        return (
          <li key={`${target.plan}/${target.code}`} data-status={target.status}>
            <div className="public-target-head">
              <strong>{target.title}</strong>
              <span className={`public-badge public-badge-${target.status}`}>{t(target.status)}</span>
            </div>
            <div className="public-progress" aria-hidden="true">
              <span style={{ width: `${pct}%` }} />
            </div>
            <div className="public-muted">
              {progressText(target, lang)} · {t('deadline')} {formatDate(target.deadline)} ·{' '}
              {target.planTitle}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * "17,3% / 50%" (a share carries its sign on both sides, as Vietnamese writes it), "1.234 / 2.000 người"
 * (a count names its unit once); "–" when there is no current figure.
 */
export function progressText(target: Pick<Target, 'current' | 'target' | 'unit'>, lang: Lang): string {
  const current = target.current ? publishedText(target.current, lang) : '–';
  if (target.target === null) return withUnit(current, target.unit);
  const goal = formatNumber(target.target, lang);
  if (target.unit === '%')
    return `${target.current ? withUnit(current, '%') : current} / ${withUnit(goal, '%')}`;
  return withUnit(`${current} / ${goal}`, target.unit);
}
