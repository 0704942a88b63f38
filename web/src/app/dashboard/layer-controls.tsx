import type { ReactNode } from 'react';
import { HotspotLegend } from '../../features/hotspots/components/hotspot-legend';
import { formatNumber } from '../../lib/format';
import { type Lang, translate } from '../../lib/i18n';
import type { MapLayerId, ViewState } from '../../lib/url-state';

/**
 * The dashboard's layer switches (hotspots as points for police, as a count for others; names; the reports
 * layer's panel) and the map/table choice. Pure view: every change goes back through `onLayer`/`onView`.
 */
export function LayerControls(p: {
  lang: Lang;
  layers: ReadonlySet<MapLayerId>;
  view: ViewState['view'];
  /** The user may see hotspot positions (police, admins). */
  seesPoints: boolean;
  hotspotsOn: boolean;
  /** Active hotspots among the points drawn, null while they load. */
  activePoints: number | null;
  /** Active hotspots in the area for users who see counts only, null when not asked. */
  activeCount: number | null;
  zoom: number;
  /** The reports layer's own controls. */
  reportsPanel: ReactNode;
  onLayer: (id: MapLayerId, on: boolean) => void;
  onView: (view: ViewState['view']) => void;
}) {
  const { lang } = p;
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  return (
    <>
      <fieldset className="control-group">
        <legend>{t('layers')}</legend>
        {p.seesPoints ? (
          <label>
            <input
              type="checkbox"
              data-testid="layer-hotspots"
              checked={p.hotspotsOn}
              onChange={(e) => p.onLayer('hotspots', e.target.checked)}
            />{' '}
            {t('hotspots')}
            {p.hotspotsOn && p.activePoints !== null && (
              <span className="muted" data-testid="hotspot-count">
                {' '}
                ({formatNumber(p.activePoints, lang, 0)} {t('active').toLowerCase()})
              </span>
            )}
          </label>
        ) : null}
        {p.seesPoints && p.hotspotsOn ? <HotspotLegend lang={lang} zoom={p.zoom} /> : null}
        {!p.seesPoints && p.activeCount !== null && (
          <p className="muted" data-testid="hotspot-counts">
            {t('hotspots')}: {formatNumber(p.activeCount, lang, 0)} {t('active').toLowerCase()} (
            {t('countsOnly')})
          </p>
        )}
        <label>
          <input
            type="checkbox"
            checked={p.layers.has('labels')}
            onChange={(e) => p.onLayer('labels', e.target.checked)}
          />{' '}
          {t('labels')}
        </label>
        {p.reportsPanel}
      </fieldset>
      <fieldset className="control-group">
        <legend>{t('view')}</legend>
        <div className="row" role="radiogroup">
          <label>
            <input type="radio" name="view" checked={p.view === 'map'} onChange={() => p.onView('map')} />{' '}
            {t('mapView')}
          </label>
          <label>
            <input
              type="radio"
              name="view"
              data-testid="view-table"
              checked={p.view === 'table'}
              onChange={() => p.onView('table')}
            />{' '}
            {t('tableView')}
          </label>
        </div>
      </fieldset>
    </>
  );
}
