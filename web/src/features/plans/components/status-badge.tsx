import type { ProgressStatus } from '@pcmt/domain/contracts/plans';
import type { Lang } from '../../../lib/i18n';
import { PROGRESS_COLORS, PROGRESS_TEXT } from '../lib/progress-style';
import { planText } from '../messages';

/** A status as a coloured label: the word is always there, the colour only helps. */
export function StatusBadge({ status, lang }: { status: ProgressStatus; lang: Lang }) {
  return (
    <span
      className="status-badge"
      data-status={status}
      style={{ background: PROGRESS_COLORS[status], color: PROGRESS_TEXT[status] }}
    >
      {planText(lang, status)}
    </span>
  );
}

/** Progress toward a target, 0–100 %, coloured by its status. */
export function ProgressBar({ pct, status }: { pct: number | null; status: ProgressStatus }) {
  const width = Math.max(0, Math.min(100, pct ?? 0));
  return (
    <div
      className="progress-bar"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct === null ? undefined : Math.round(width)}
    >
      <span style={{ width: `${width}%`, background: PROGRESS_COLORS[status] }} />
    </div>
  );
}
