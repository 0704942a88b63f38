import { type Lang, periodLabel } from '../../../lib/i18n';
import '../timelapse.css';

/**
 * The period on the map, large enough to read from the back of a meeting room. It names the period the map
 * has drawn, so the label never runs ahead of the colours.
 */
export function TimelapseLabel({ periodId, lang }: { periodId: string; lang: Lang }) {
  return (
    <div className="timelapse-label" data-testid="timelapse-label" data-period={periodId}>
      {periodLabel(periodId, lang)}
    </div>
  );
}
