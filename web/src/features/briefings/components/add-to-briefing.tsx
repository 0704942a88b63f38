import { useState } from 'react';
import { useOnlyAtlasMap } from '../../../components/map/atlas-map';
import type { Lang } from '../../../lib/i18n';
import { hrefWithLang, onInAppLinkClick } from '../../../lib/navigation';
import { routePath } from '../../../lib/routes';
import { addView, type DraftView, useDraft } from '../lib/draft';
import { briefingText } from '../messages';

/** Adds the view on screen (with the area the map shows) to the briefing being prepared, and says where it is. */
export function AddToBriefing({ view, lang }: { view: DraftView; lang: Lang }) {
  const map = useOnlyAtlasMap();
  const t = (k: Parameters<typeof briefingText>[1]) => briefingText(lang, k);
  const [draft, change] = useDraft();
  const [added, setAdded] = useState<number | null>(null);
  return (
    <div className="add-to-briefing">
      <button
        type="button"
        data-testid="add-to-briefing"
        onClick={() => {
          change((d) => addView(d, { ...view, bounds: map?.bounds() ?? view.bounds ?? null }));
          setAdded(draft.views.length + 1);
        }}
      >
        + {t('addToBriefing')}
      </button>
      {draft.views.length > 0 && (
        <p className="muted" data-testid="briefing-draft-count" aria-live="polite">
          {added !== null ? `${t('added')} ${added}. ` : ''}
          <a href={hrefWithLang(routePath({ page: 'briefings' }), lang)} onClick={onInAppLinkClick}>
            {t('openBriefings')} ({draft.views.length})
          </a>
        </p>
      )}
    </div>
  );
}
