import { onInAppLinkClick } from '../../../lib/navigation';
import type { Period } from '../../../lib/periods';
import { serializeCompareState, type ViewState } from '../../../lib/url-state';
import { compareStateFromView } from '../compare-periods';
import { compareText } from '../messages';
import '../compare.css';

/** The dashboard's way into the compare page, carrying its view (period, indicator, province, camera). */
export function CompareLink({ view, period, today }: { view: ViewState; period: Period; today: string }) {
  const href = serializeCompareState(compareStateFromView(view, period, today));
  return (
    <a
      className="compare-link"
      href={href}
      title={compareText(view.lang, 'openHint')}
      data-testid="compare-link"
      onClick={onInAppLinkClick}
    >
      {compareText(view.lang, 'open')}
    </a>
  );
}
