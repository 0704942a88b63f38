import type { BriefingViewSpec, ViewSnapshot } from '@pcmt/domain/contracts/briefings';
import { hasDistricts, tileDateFor } from '@pcmt/domain/unit-versions';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { AtlasMap } from '../../../components/map/atlas-map';
import { boundsOfPoints } from '../../../components/map/bounds';
import { NO_DATA_COLOR, OUTSIDE_COLOR } from '../../../components/map/choropleth';
import { ARCHIPELAGO_LABELS, buildLabelLayer, unitLabel } from '../../../components/map/label-layer';
import { VIETNAM_BOUNDS } from '../../../components/map/map-style';
import { unitsQuery } from '../../../entities/units/api/get-units';
import { useUnitVersions } from '../../../lib/unit-versions';
import { paletteOf } from '../lib/slide-figures';

/**
 * A frozen view on the map: the boundaries valid on the snapshot's date, coloured by the classes stored in the
 * briefing (not by today's figures). One map serves every slide, so stepping does not rebuild WebGL.
 */
export function SnapshotMap({
  spec,
  snapshot,
  renderKey,
  label,
}: {
  spec: BriefingViewSpec;
  snapshot: ViewSnapshot;
  renderKey: string;
  label: string;
}) {
  const versions = useUnitVersions();
  const tileAt = tileDateFor(versions, snapshot.at);
  const province = spec.province;
  // A province's communes frame the view and are named on it; a national view names the provinces.
  const communes = useQuery({
    ...unitsQuery({ level: 'commune', parent: province, at: tileAt }),
    enabled: province !== null,
  });
  const provinces = useQuery({
    ...unitsQuery({ level: 'province', parent: null, at: tileAt }),
    enabled: province === null,
  });
  const deckLayers = useMemo(() => {
    const units = (province === null ? provinces.data?.rows : communes.data?.rows) ?? [];
    if (units.length === 0) return [];
    // The live map's rule (@pcmt/domain/map-labels): each name inside its unit, larger units first, and the
    // archipelagos on every national view.
    const labels = [...(province === null ? ARCHIPELAGO_LABELS : []), ...units.map(unitLabel)];
    return [buildLabelLayer('slide-labels', labels, 13)];
  }, [province, provinces.data, communes.data]);
  const classes = useMemo(() => new Map(snapshot.rows.map((r) => [r.code, r.class])), [snapshot]);
  const palette = useMemo(() => paletteOf(snapshot), [snapshot]);
  // A projector switched to full screen, or the window moved to the 4K wall: frame the area again.
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState('');
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // Settle first: the map resizes its own canvas on the same signal, and framing must use the new size.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const next = `${Math.round(entry.contentRect.width)}x${Math.round(entry.contentRect.height)}`;
      clearTimeout(timer);
      timer = setTimeout(() => setSize(next), 150);
    });
    observer.observe(el);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, []);
  const frame = useMemo(() => {
    if (spec.bounds) return { key: `bounds|${renderKey}|${size}`, bounds: spec.bounds };
    if (!province) return { key: `country|${renderKey}|${size}`, bounds: VIETNAM_BOUNDS };
    const b = boundsOfPoints(communes.data?.rows.map((u) => u.labelPoint) ?? []);
    return b ? { key: `${province}|${renderKey}|${size}`, bounds: b } : null;
  }, [spec.bounds, province, communes.data, renderKey, size]);
  return (
    <div className="snapshot-map" ref={box}>
      <AtlasMap
        basemapStyleUrl={null}
        tileAt={tileAt}
        classes={classes}
        classesKey={renderKey}
        fill={{ palette, noDataColor: NO_DATA_COLOR, outsideColor: province ? OUTSIDE_COLOR : NO_DATA_COLOR }}
        showDistricts={hasDistricts(versions, tileAt) && province !== null}
        focusProvince={province}
        selectedCommune={null}
        position={spec.bounds ? null : spec.map}
        frame={frame}
        deckLayers={deckLayers}
        onMove={() => {}}
        onClick={() => {}}
        onPick={() => {}}
        ariaLabel={label}
      />
    </div>
  );
}
