import { useState } from 'react';
import { type AtlasMapApi, useOnlyAtlasMap } from '../../../components/map/atlas-map';
import type { Lang } from '../../../lib/i18n';
import { drawMapExport } from '../draw-map-export';
import { exportLegend, type LegendSource } from '../export-legend';
import { exportPixelRatio } from '../layout';
import { mapExportText } from '../messages';
import '../map-export.css';

export interface ExportPngButtonProps {
  /** The map to picture; by default the page's only map (pages with two maps pass the one they mean). */
  map?: AtlasMapApi | null;
  lang: Lang;
  /** Name of the downloaded file: `pcmt-<indicator>-<period>[-<province>].png`. */
  fileName: string;
  /** What the map shows: the status classification or the indicator's name. */
  what: string;
  /** Where: the province's full name, or the whole country. */
  area: string;
  /** When, as a reader says it. */
  period: string;
  /** How to read the figures (old units, crosswalk), when it matters. */
  note?: string | null;
  /** The map is changing on its own (a time-lapse plays): a picture now could catch it between periods. */
  busy?: boolean;
  /** The colouring on the map, for the legend. */
  legend: LegendSource;
  /** Unit of an indicator's values; '' for statuses. */
  unit: string;
  noDataColor: string;
  /** Where the figures come from, from the data response; the button waits for it. */
  meta: { source: string; synthetic: boolean } | undefined;
}

/**
 * "Xuất ảnh PNG": the map as the user framed it, on a page with title, period, legend, scale bar, north
 * arrow, data source, export date and (for demo data) a synthetic-data notice, ready for a slide or report.
 */
export function ExportPngButton(p: ExportPngButtonProps) {
  const onlyMap = useOnlyAtlasMap();
  const map = p.map === undefined ? onlyMap : p.map;
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const t = (k: Parameters<typeof mapExportText>[1]) => mapExportText(p.lang, k);

  const exportPng = async () => {
    const meta = p.meta;
    if (!map || !meta) return;
    setState('busy');
    try {
      const capture = await map.capture({ pixelRatio: ({ width }) => exportPixelRatio(width) });
      await document.fonts.ready;
      const canvas = drawMapExport(capture, {
        lang: p.lang,
        what: p.what,
        area: p.area,
        period: p.period,
        note: p.note ?? null,
        legend: exportLegend(p.legend, {
          title: p.what,
          unit: p.unit,
          noDataColor: p.noDataColor,
          lang: p.lang,
        }),
        source: meta.source,
        synthetic: meta.synthetic,
        exportedOn: new Intl.DateTimeFormat(p.lang === 'vi' ? 'vi-VN' : 'en-GB', {
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
        }).format(new Date()),
      });
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('the browser could not encode the PNG');
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = p.fileName;
      a.click();
      URL.revokeObjectURL(url);
      setState('idle');
    } catch (e) {
      console.error('map export failed', e);
      setState('failed');
    }
  };

  return (
    <div className="map-export">
      <button
        type="button"
        className="button"
        data-testid="export-png"
        title={t('buttonHint')}
        disabled={!map || !p.meta || state === 'busy' || p.busy === true}
        onClick={() => void exportPng()}
      >
        {state === 'busy' ? t('busy') : t('button')}
      </button>
      {state === 'failed' && (
        <p role="alert" className="error">
          {t('failed')}
        </p>
      )}
    </div>
  );
}
