import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { PatrolPlan, PatrolStop } from './patrol-plan';

/**
 * The plan in the formats phones and GPS units open: GeoJSON (stops, route, zones), KML 2.2 (Google Earth,
 * Organic Maps, OsmAnd) and GPX 1.1 (waypoints plus a route in visiting order).
 */

const KIND_VI = { diem: 'Điểm', tu_diem: 'Tụ điểm' } as const;

const hhmm = (localDateTime: string) => localDateTime.slice(11, 16);

/** "20:14 (12′), 22:05 (15′)": the visits of one stop. */
export function visitTimes(plan: PatrolPlan, code: string): string {
  return plan.visits
    .filter((v) => v.code === code)
    .map((v) => `${hhmm(v.start)} (${v.minutes}′)`)
    .join(', ');
}

const stopLabel = (s: PatrolStop) => `${String(s.order).padStart(2, '0')}. ${s.code}`;
const stopDescription = (plan: PatrolPlan, s: PatrolStop) =>
  `${KIND_VI[s.kind]} · ${s.communeName}${s.top ? ' · trọng điểm (≤ 2 giờ/lần)' : ''} · ${visitTimes(plan, s.code)}`;

export function planToGeoJson(plan: PatrolPlan): FeatureCollection<Geometry> {
  const features: Feature<Geometry>[] = [
    {
      type: 'Feature',
      geometry: plan.zones,
      properties: { layer: 'zones', radiusM: plan.radiusM },
    },
    {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: plan.stops.map((s) => [s.position[0], s.position[1]]) },
      properties: { layer: 'route', lengthM: plan.routeLengthM },
    },
    ...plan.stops.map(
      (s): Feature<Geometry> => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [s.position[0], s.position[1]] },
        properties: {
          layer: 'stops',
          order: s.order,
          code: s.code,
          kind: s.kind,
          communeCode: s.communeCode,
          communeName: s.communeName,
          top: s.top,
          visits: visitTimes(plan, s.code),
        },
      }),
    ),
  ];
  return { type: 'FeatureCollection', features };
}

const xml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const coord = (p: readonly [number, number]) => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;

export function planToKml(plan: PatrolPlan): string {
  const zones = plan.zones.coordinates
    .map(
      (poly) =>
        `<Polygon>${poly
          .map(
            (ring, i) =>
              `<${i === 0 ? 'outerBoundaryIs' : 'innerBoundaryIs'}><LinearRing><coordinates>${ring
                .map((p) => coord([p[0] ?? 0, p[1] ?? 0]))
                .join(' ')}</coordinates></LinearRing></${i === 0 ? 'outerBoundaryIs' : 'innerBoundaryIs'}>`,
          )
          .join('')}</Polygon>`,
    )
    .join('');
  const stops = plan.stops
    .map(
      (s) =>
        `<Placemark><name>${xml(stopLabel(s))}</name><description>${xml(stopDescription(plan, s))}</description><styleUrl>#${s.top ? 'top' : 'stop'}</styleUrl><Point><coordinates>${coord(s.position)}</coordinates></Point></Placemark>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<name>${xml(plan.name)}</name>
<description>${xml(`MẬT · Phương án tuần tra ngày ${plan.date}, ${plan.shiftStart}–${plan.shiftEnd}`)}</description>
<Style id="top"><IconStyle><color>ff0000c8</color></IconStyle></Style>
<Style id="stop"><IconStyle><color>ff00a0ff</color></IconStyle></Style>
<Style id="route"><LineStyle><color>ffc85a00</color><width>3</width></LineStyle></Style>
<Style id="zone"><LineStyle><color>ff0000c8</color></LineStyle><PolyStyle><color>330000c8</color></PolyStyle></Style>
<Folder><name>Vùng tuần tra (bán kính ${plan.radiusM} m)</name><Placemark><name>Vùng tuần tra</name><styleUrl>#zone</styleUrl><MultiGeometry>${zones}</MultiGeometry></Placemark></Folder>
<Folder><name>Lộ trình (${(plan.routeLengthM / 1000).toFixed(1)} km)</name><Placemark><name>Lộ trình</name><styleUrl>#route</styleUrl><LineString><coordinates>${plan.stops
    .map((s) => coord(s.position))
    .join(' ')}</coordinates></LineString></Placemark></Folder>
<Folder><name>Điểm dừng</name>
${stops}
</Folder>
</Document></kml>
`;
}

/** Local (UTC+7) date-time to an ISO instant, as GPX requires. */
const gpxTime = (local: string) =>
  new Date(Date.parse(`${local}:00+07:00`)).toISOString().replace('.000', '');

export function planToGpx(plan: PatrolPlan): string {
  const first = plan.visits[0];
  const wpts = plan.stops
    .map((s) => {
      const visit = plan.visits.find((v) => v.code === s.code);
      return `<wpt lat="${s.position[1].toFixed(6)}" lon="${s.position[0].toFixed(6)}">${
        visit ? `<time>${gpxTime(visit.start)}</time>` : ''
      }<name>${xml(stopLabel(s))}</name><desc>${xml(stopDescription(plan, s))}</desc><sym>${s.top ? 'Flag, Red' : 'Flag, Blue'}</sym></wpt>`;
    })
    .join('\n');
  const rtepts = plan.stops
    .map(
      (s) =>
        `<rtept lat="${s.position[1].toFixed(6)}" lon="${s.position[0].toFixed(6)}"><name>${xml(stopLabel(s))}</name></rtept>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="PCMT Atlas" xmlns="http://www.topografix.com/GPX/1/1">
<metadata><name>${xml(plan.name)}</name><desc>${xml(`MẬT · Phương án tuần tra ngày ${plan.date}, ${plan.shiftStart}–${plan.shiftEnd}`)}</desc>${
    first ? `<time>${gpxTime(first.start)}</time>` : ''
  }</metadata>
${wpts}
<rte><name>${xml(`${plan.name} (${(plan.routeLengthM / 1000).toFixed(1)} km)`)}</name>
${rtepts}
</rte>
</gpx>
`;
}
