import type { PublicSummaryResponse } from '@pcmt/domain/contracts/public';
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
              {withUnit(
                `${target.current ? publishedText(target.current, lang) : '–'}${
                  target.target !== null ? ` / ${formatNumber(target.target, lang)}` : ''
                }`,
                target.unit,
              )}{' '}
              · {t('deadline')} {target.deadline.split('-').reverse().join('/')} · {target.planTitle}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
