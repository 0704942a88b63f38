import type { ViewSnapshot } from '@pcmt/domain/contracts/briefings';
import {
  ARCHIPELAGO_LABELS,
  LABEL_HALO_PX,
  type MapLabel,
  placeLabels,
  unitLabelPriority,
} from '@pcmt/domain/map-labels';
import { NO_DATA_COLOR, OUTSIDE_COLOR } from '@pcmt/domain/palette';
import type { UnitOutline, ViewGeometry } from './briefing-geometry';
import { fitMercator, type MapProjection, scaleBarLength } from './map-projection';
import type { Frame } from './page-layout';
import type { Pdf } from './pdf-document';

/**
 * The vector choropleth of one view: communes filled by their class colour (no data in grey), the
 * provinces around them for context, a scale bar and a north arrow. Communes of one colour are drawn as one
 * path (one fill, one stroke): a national map then costs a handful of PDF operators instead of 10,000 fills.
 */

const CONTEXT_LAND = '#e4e3de';
const COMMUNE_BORDER = '#ffffff';
const PROVINCE_BORDER = '#4a4a4a';
const FRAME_BORDER = '#8a8a8a';
const INK = '#1a1a1a';

export function drawViewMap(doc: Pdf, frame: Frame, snapshot: ViewSnapshot, geometry: ViewGeometry): void {
  doc.save();
  doc.rect(frame.x, frame.y, frame.width, frame.height).fill(OUTSIDE_COLOR);
  doc.restore();
  if (!geometry.bbox || geometry.communes.length === 0) {
    doc
      .font('regular')
      .fontSize(10)
      .fillColor('#555555')
      .text('Không có ranh giới để vẽ bản đồ của khung nhìn này.', frame.x, frame.y + frame.height / 2 - 6, {
        width: frame.width,
        align: 'center',
        lineBreak: false,
      });
  } else {
    const projection = fitMercator(geometry.bbox, frame);
    doc.save();
    doc.rect(frame.x, frame.y, frame.width, frame.height).clip();
    drawProvinces(doc, geometry.provinces, projection, 'fill');
    drawCommunes(doc, frame, snapshot, geometry.communes, projection);
    drawProvinces(doc, geometry.provinces, projection, 'outline', snapshot.parent);
    drawNames(doc, frame, snapshot, geometry, projection);
    doc.restore();
    drawNorthArrow(doc, frame.x + frame.width - 26, frame.y + 12);
    drawScaleBar(doc, frame, projection);
  }
  doc.save();
  doc.lineWidth(0.6).rect(frame.x, frame.y, frame.width, frame.height).stroke(FRAME_BORDER);
  doc.restore();
}

/** Size of the names on the map, in points. */
const NAME_SIZE = 6.5;

/**
 * Names on the map by the live map's rule (@pcmt/domain/map-labels): provinces and the archipelagos on a
 * national view, communes on a province's; each at its unit's anchor, kept when it fits inside its unit and
 * overlaps no larger unit's name. White halo, dark letters.
 */
function drawNames(
  doc: Pdf,
  frame: Frame,
  snapshot: ViewSnapshot,
  geometry: ViewGeometry,
  projection: MapProjection,
) {
  const national = snapshot.parent === null;
  const units = national ? geometry.provinces : geometry.communes;
  const labels: MapLabel[] = units.flatMap((u) =>
    u.label
      ? [
          {
            code: u.code,
            name: u.label.name,
            position: u.label.anchor,
            priority: unitLabelPriority(u.code, u.label.areaKm2),
            room: u.label.room,
          },
        ]
      : [],
  );
  if (national) labels.push(...ARCHIPELAGO_LABELS);
  doc.font('bold').fontSize(NAME_SIZE);
  const placed = placeLabels(
    labels,
    ([lon, lat]) => {
      const [x, y] = projection.project(lon, lat);
      return [x - frame.x, y - frame.y];
    },
    (text) => doc.widthOfString(text),
    NAME_SIZE,
    frame,
  );
  const lineHeight = doc.currentLineHeight();
  doc.save();
  doc.lineJoin('round');
  for (const halo of [true, false]) {
    for (const { label, box, dx } of placed) {
      const width = doc.widthOfString(label.name);
      const x = frame.x + box.x + dx - width / 2;
      const y = frame.y + box.y - lineHeight / 2;
      if (halo)
        doc
          .lineWidth((LABEL_HALO_PX * NAME_SIZE) / 12)
          .strokeColor('#ffffff')
          .text(label.name, x, y, { lineBreak: false, stroke: true, fill: false });
      else doc.fillColor(INK).text(label.name, x, y, { lineBreak: false, stroke: false, fill: true });
    }
  }
  doc.restore();
}

/** The colour of each class of the view (legend), -1 being no data. */
export function classColors(snapshot: ViewSnapshot): Map<number, string> {
  const colors = new Map<number, string>([[-1, NO_DATA_COLOR]]);
  for (const entry of snapshot.legend) colors.set(entry.class, entry.color);
  return colors;
}

function drawCommunes(
  doc: Pdf,
  frame: Frame,
  snapshot: ViewSnapshot,
  communes: readonly UnitOutline[],
  projection: MapProjection,
) {
  const classOf = new Map(snapshot.rows.map((r) => [r.code, r.class]));
  const colors = classColors(snapshot);
  const byColor = new Map<string, UnitOutline[]>();
  for (const commune of communes) {
    const cls = classOf.get(commune.code);
    if (cls === undefined) continue;
    const color = colors.get(cls) ?? NO_DATA_COLOR;
    const group = byColor.get(color);
    if (group) group.push(commune);
    else byColor.set(color, [commune]);
  }
  // White borders as thin as the communes are small. Below a few points per commune none at all: viewers
  // draw any stroke at least one device pixel wide, which on a national map of thousands of communes
  // would wash the colours out.
  const typicalSize = Math.sqrt((frame.width * frame.height * 0.4) / Math.max(1, communes.length));
  const border = typicalSize < 8 ? 0 : Math.min(0.35, typicalSize / 40);
  doc.save();
  doc.lineWidth(border).lineJoin('round');
  for (const [color, group] of byColor) {
    for (const commune of group) tracePolygons(doc, commune.polygons, projection);
    // Non-zero winding: exterior rings run one way and holes the other (ST_ForcePolygonCCW), so holes stay
    // holes and slightly overlapping neighbours still fill.
    if (border > 0) doc.fillAndStroke(color, COMMUNE_BORDER, 'non-zero');
    else doc.fill(color, 'non-zero');
  }
  doc.restore();
}

function drawProvinces(
  doc: Pdf,
  provinces: readonly UnitOutline[],
  projection: MapProjection,
  mode: 'fill' | 'outline',
  own: string | null = null,
) {
  if (provinces.length === 0) return;
  doc.save();
  if (mode === 'fill') {
    for (const p of provinces) tracePolygons(doc, p.polygons, projection);
    doc.fill(CONTEXT_LAND, 'non-zero');
  } else {
    doc.lineJoin('round');
    for (const p of provinces) if (p.code !== own) tracePolygons(doc, p.polygons, projection);
    doc.lineWidth(own ? 0.5 : 0.45).stroke(PROVINCE_BORDER);
    const mine = provinces.find((p) => p.code === own);
    if (mine) {
      tracePolygons(doc, mine.polygons, projection);
      doc.lineWidth(1.3).stroke(INK);
    }
  }
  doc.restore();
}

/** Adds the rings to the current path in page points, rounded to 0.1 pt with repeated points dropped. */
function tracePolygons(doc: Pdf, polygons: readonly number[][][][], projection: MapProjection) {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      xs.length = 0;
      ys.length = 0;
      for (const point of ring) {
        const [x, y] = projection.project(point[0] ?? 0, point[1] ?? 0);
        const rx = Math.round(x * 10) / 10;
        const ry = Math.round(y * 10) / 10;
        const n = xs.length;
        if (n > 0 && xs[n - 1] === rx && ys[n - 1] === ry) continue;
        xs.push(rx);
        ys.push(ry);
      }
      // The closing point repeats the first one: `h` closes the ring.
      if (xs.length > 1 && xs[0] === xs[xs.length - 1] && ys[0] === ys[ys.length - 1]) {
        xs.pop();
        ys.pop();
      }
      if (xs.length < 3) continue;
      doc.moveTo(xs[0] ?? 0, ys[0] ?? 0);
      for (let i = 1; i < xs.length; i++) doc.lineTo(xs[i] ?? 0, ys[i] ?? 0);
      doc.closePath();
    }
  }
}

/** An arrow pointing up with "B" (Bắc, north) above it: Web Mercator keeps north up everywhere. */
function drawNorthArrow(doc: Pdf, cx: number, top: number) {
  doc.save();
  doc
    .font('bold')
    .fontSize(9)
    .fillColor(INK)
    .text('B', cx - 10, top, { width: 20, align: 'center', lineBreak: false });
  const tip = top + 12;
  doc.polygon([cx, tip], [cx + 6, tip + 18], [cx, tip + 13], [cx - 6, tip + 18]).fill(INK);
  doc.restore();
}

/** A bar of a round length in km, measured at the map's central latitude, on a white plate bottom-left. */
function drawScaleBar(doc: Pdf, frame: Frame, projection: MapProjection) {
  const { points, label } = scaleBarLength(projection.metresPerPoint, frame.width * 0.22);
  const x = frame.x + 10;
  const y = frame.y + frame.height - 20;
  doc.save();
  doc
    .rect(x - 4, y - 12, points + 48, 26)
    .fillOpacity(0.85)
    .fill('#ffffff');
  doc.fillOpacity(1);
  const half = points / 2;
  doc.rect(x, y, half, 4).fill(INK);
  doc.rect(x + half, y, half, 4).fill('#ffffff');
  doc.lineWidth(0.6).rect(x, y, points, 4).stroke(INK);
  doc.font('regular').fontSize(7).fillColor(INK);
  doc.text('0', x - 2, y - 10, { lineBreak: false });
  doc.text(label, x + points - 2, y - 10, { lineBreak: false });
  doc.restore();
}
