import type { IndicatorChoropleth, StatusChoropleth } from '../../components/map/choropleth';
import { NO_DATA_COLOR } from '../../components/map/choropleth';
import { AddToBriefing } from '../../features/briefings/components/add-to-briefing';
import { defaultViewTitle, draftViewFromMap } from '../../features/briefings/lib/view-from-map';
import { ExportPngButton } from '../../features/map-export/components/export-png-button';
import { type Lang, periodLabel } from '../../lib/i18n';
import type { ViewState } from '../../lib/url-state';

/**
 * What a user can do with the view on screen: add it to a briefing (signed-in users) and export the map as
 * a PNG with its legend (when the map is coloured by statuses or an indicator, not by report completeness).
 */
export function ViewActions(p: {
  lang: Lang;
  view: ViewState;
  periodId: string;
  signedIn: boolean;
  /** The colouring to export, null when none is (or the completeness layer colours the map). */
  choropleth: StatusChoropleth | IndicatorChoropleth | null;
  captions: { what: string; area: string; unit: string; pngName: string };
  /** A note under the exported map (old units, or values carried onto today's units). */
  note: string | null;
  meta: { source: string; synthetic: boolean } | undefined;
  busy: boolean;
}) {
  const { lang, captions } = p;
  const period = periodLabel(p.periodId, lang);
  return (
    <>
      {p.signedIn && (
        <AddToBriefing
          lang={lang}
          view={draftViewFromMap(
            p.view,
            p.periodId,
            defaultViewTitle({ area: captions.area, what: captions.what, period }),
          )}
        />
      )}
      {p.choropleth && (
        <ExportPngButton
          lang={lang}
          fileName={captions.pngName}
          what={captions.what}
          area={captions.area}
          period={period}
          note={p.note}
          legend={p.choropleth}
          unit={captions.unit}
          noDataColor={NO_DATA_COLOR}
          meta={p.meta}
          busy={p.busy}
        />
      )}
    </>
  );
}
