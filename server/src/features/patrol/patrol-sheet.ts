import type { MultiPolygon } from 'geojson';
import type { LonLat } from './geo';
import type { PatrolPlan } from './patrol-plan';
import { visitTimes } from './plan-exports';

/**
 * The printable patrol sheet: one A4 page in Vietnamese with the "MẬT" (confidential) marking, the map
 * (commune boundaries and names, zones, route, numbered stops, all drawn as SVG by the server so it prints
 * with no tiles, canvas or network), the ordered list with visit times, a legend and the date. Printed from
 * the browser (CSS @page A4; the marking repeats in every page's bottom margin, outside the table).
 */

/** Communes around the plan, drawn under it so the map shows where the stops are. */
export interface SheetBasemap {
  communes: { code: string; name: string; geometry: MultiPolygon; label: LonLat }[];
}

const esc = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const KIND_VI = { diem: 'Điểm', tu_diem: 'Tụ điểm' } as const;

const MAP_W = 680;
const MAP_H = 420;

/** Scales lon/lat into the map box, keeping metres square at the plan's latitude, with a margin round it. */
function projector(plan: PatrolPlan) {
  const pts = plan.zones.coordinates.flat(2);
  const all = pts.length > 0 ? pts : plan.stops.map((s) => [s.position[0], s.position[1]]);
  const lons = all.map((p) => p[0] ?? 0);
  const lats = all.map((p) => p[1] ?? 0);
  const west = Math.min(...lons);
  const east = Math.max(...lons);
  const south = Math.min(...lats);
  const north = Math.max(...lats);
  const kx = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = Math.min(
    (MAP_W - 80) / Math.max((east - west) * kx, 1e-9),
    (MAP_H - 80) / Math.max(north - south, 1e-9),
  );
  const ox = (MAP_W - (east - west) * kx * scale) / 2;
  const oy = (MAP_H - (north - south) * scale) / 2;
  const lonAt = (x: number) => west + (x - ox) / (kx * scale);
  const latAt = (y: number) => south + (MAP_H - oy - y) / scale;
  return {
    xy: (lon: number, lat: number): [number, number] => [
      ox + (lon - west) * kx * scale,
      MAP_H - oy - (lat - south) * scale,
    ],
    metresPerPixel: 111_320 / scale,
    /** The lon/lat box the map shows: west, south, east, north. */
    extent: [lonAt(0), latAt(MAP_H), lonAt(MAP_W), latAt(0)] as [number, number, number, number],
  };
}

/** The lon/lat box the sheet's map shows, for the communes drawn under the plan. */
export const sheetExtent = (plan: PatrolPlan) => projector(plan).extent;

function mapSvg(plan: PatrolPlan, basemap: SheetBasemap | null): string {
  const { xy, metresPerPixel } = projector(plan);
  const path = (ring: number[][]) =>
    `${ring
      .map(
        (p, i) =>
          `${i === 0 ? 'M' : 'L'}${xy(p[0] ?? 0, p[1] ?? 0)
            .map((v) => v.toFixed(1))
            .join(',')}`,
      )
      .join('')}Z`;
  const inside = ([x, y]: [number, number]) => x > 30 && x < MAP_W - 30 && y > 14 && y < MAP_H - 30;
  const communes = (basemap?.communes ?? [])
    .map(
      (c) =>
        `<path class="commune" d="${c.geometry.coordinates.map((poly) => poly.map(path).join('')).join('')}"/>`,
    )
    .join('');
  const communeLabels = placeLabels(
    (basemap?.communes ?? []).map((c) => {
      const ring = c.geometry.coordinates.flat(2).map((p) => xy(p[0] ?? 0, p[1] ?? 0));
      const xs = ring.map((p) => p[0]);
      const ys = ring.map((p) => p[1]);
      const size = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
      return { name: c.name, at: xy(c.label[0], c.label[1]), size };
    }),
  )
    .filter(({ at }) => inside(at))
    .map(
      ({ name, at: [x, y] }) =>
        `<text class="commune-name" x="${x.toFixed(1)}" y="${y.toFixed(1)}">${esc(name)}</text>`,
    )
    .join('');
  const zones = plan.zones.coordinates
    .map((poly) => `<path class="zone" d="${poly.map(path).join('')}"/>`)
    .join('');
  const route = plan.stops
    .map((s) =>
      xy(s.position[0], s.position[1])
        .map((v) => v.toFixed(1))
        .join(','),
    )
    .join(' ');
  const stops = plan.stops
    .map((s) => {
      const [x, y] = xy(s.position[0], s.position[1]);
      return `<g class="${s.top ? 'stop top' : 'stop'}"><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="9"/><text x="${x.toFixed(1)}" y="${(y + 3.5).toFixed(1)}">${s.order}</text></g>`;
    })
    .join('');
  // A scale bar of a round length near 120 px.
  const target = metresPerPixel * 120;
  const nice = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000].reduce((a, b) =>
    Math.abs(b - target) < Math.abs(a - target) ? b : a,
  );
  const barPx = nice / metresPerPixel;
  const barLabel = nice >= 1000 ? `${nice / 1000} km` : `${nice} m`;
  return `<svg viewBox="0 0 ${MAP_W} ${MAP_H}" role="img" aria-label="Bản đồ tuần tra">
<defs><clipPath id="map-box"><rect width="${MAP_W}" height="${MAP_H}"/></clipPath></defs>
<rect width="${MAP_W}" height="${MAP_H}" class="frame"/><g clip-path="url(#map-box)">${communes}${communeLabels}</g>${zones}<polyline class="route" points="${route}"/>${stops}
<g class="scale"><line x1="16" y1="${MAP_H - 16}" x2="${(16 + barPx).toFixed(1)}" y2="${MAP_H - 16}"/><text x="16" y="${MAP_H - 22}">${barLabel}</text></g>
<text x="${MAP_W - 18}" y="28" class="north">B ↑</text></svg>`;
}

/**
 * Names that fit without touching: the largest communes first (as drawn), a name skipped where it would
 * overlap one already placed (10 px italic: about 5.2 px a character, 12 px a line, 3 px apart).
 */
function placeLabels<T extends { name: string; at: [number, number]; size: number }>(labels: T[]): T[] {
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
  return [...labels]
    .sort((a, b) => b.size - a.size)
    .filter(({ name, at: [x, y] }) => {
      const half = (name.length * 5.2) / 2 + 3;
      const box = { x0: x - half, x1: x + half, y0: y - 12, y1: y + 3 };
      if (placed.some((p) => box.x0 < p.x1 && p.x0 < box.x1 && box.y0 < p.y1 && p.y0 < box.y1)) return false;
      placed.push(box);
      return true;
    });
}

const viDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The sheet's stylesheet, served from the app's origin: the Content-Security-Policy allows no inline style
 * or script, and a printed page needs neither.
 */
export const PATROL_SHEET_CSS = `@page {
  size: A4 portrait; margin: 12mm 12mm 18mm;
  @bottom-center { content: "MẬT"; color: #b00; font: bold 13pt "Times New Roman", serif; letter-spacing: 2px; }
}
/* The legend's swatches and the table's header are colours on paper too: a browser prints no background
   unless told, and "Điểm trọng điểm" and "Điểm dừng khác" were two empty circles. */
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 11pt/1.35 "Times New Roman", serif; color: #000; margin: 0 auto; max-width: 186mm; padding: 0 8px; }
.secret { text-align: center; font-weight: bold; font-size: 14pt; border: 2px solid #b00; color: #b00; width: 28mm; margin: 0 0 2mm auto; padding: 1mm; letter-spacing: 2px; }
.footer-secret { text-align: center; font-weight: bold; color: #b00; margin: 4mm 0; letter-spacing: 2px; }
h1 { font-size: 14pt; text-align: center; margin: 1mm 0; text-transform: uppercase; }
.meta { text-align: center; margin: 0 0 3mm; }
svg { display: block; width: 100%; height: auto; border: 1px solid #444; }
.frame { fill: #f7f7f4; }
.commune { fill: #fff; stroke: #9a9a9a; stroke-width: 0.8; }
.commune-name { font: italic 10px sans-serif; fill: #555; text-anchor: middle; }
.zone { fill: rgba(200, 0, 0, 0.12); stroke: #c80000; stroke-width: 1; fill-rule: nonzero; }
.route { fill: none; stroke: #005ac8; stroke-width: 2.5; stroke-dasharray: 6 3; }
.stop circle { fill: #ffa000; stroke: #000; stroke-width: 1; }
.stop.top circle { fill: #c80000; }
.stop text { font: bold 10px sans-serif; fill: #fff; text-anchor: middle; }
.scale line { stroke: #000; stroke-width: 3; } .scale text, .north { font: 11px sans-serif; }
.north { text-anchor: end; font-weight: bold; }
.legend { display: flex; gap: 6mm; flex-wrap: wrap; font-size: 9.5pt; margin: 2mm 0; }
.legend span::before { content: ""; display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: middle; border: 1px solid #000; }
.legend .l-top::before { background: #c80000; border-radius: 50%; } .legend .l-stop::before { background: #ffa000; border-radius: 50%; }
.legend .l-route::before { height: 0; border: 0; border-top: 3px dashed #005ac8; } .legend .l-zone::before { background: rgba(200,0,0,.12); border-color: #c80000; }
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; page-break-inside: auto; }
th, td { border: 1px solid #000; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; } tr { page-break-inside: avoid; } tr.top td:first-child { font-weight: bold; color: #b00; }
.code { display: block; font-size: 8.5pt; color: #444; }
.sign { display: flex; justify-content: space-between; margin-top: 6mm; text-align: center; }
.warn { color: #b00; }
@media screen and (max-width: 600px) {
  body { font-size: 10pt; } h1 { font-size: 12pt; } .secret { font-size: 11pt; width: auto; display: inline-block; }
  table { font-size: 9pt; min-width: 520px; }
}
@media print {
  .no-print { display: none; }
  /* On paper the marking sits in every page's bottom margin (@page), never over the table. */
  .footer-secret { display: none; }
  .table-wrap { overflow: visible; }
}
`;

/** "Tụ điểm sử dụng … tại quán karaoke" with the code under it; the code alone when the register has no note. */
const placeCell = (s: PatrolPlan['stops'][number]) =>
  s.description
    ? `${esc(s.description)}<span class="code">${esc(s.code)}</span>`
    : `${KIND_VI[s.kind]} ${esc(s.code)}`;

export function patrolSheetHtml(
  plan: PatrolPlan,
  printedOn: string,
  basemap: SheetBasemap | null = null,
): string {
  const rows = plan.stops
    .map(
      (s) =>
        `<tr${s.top ? ' class="top"' : ''} data-code="${esc(s.code)}"><td>${s.order}</td><td>${placeCell(s)}</td><td>${KIND_VI[s.kind]}</td><td>${esc(
          s.communeName,
        )}</td><td>${s.position[1].toFixed(5)}, ${s.position[0].toFixed(5)}</td><td>${esc(visitTimes(plan, s.code))}</td><td></td></tr>`,
    )
    .join('\n');
  const warnings = plan.warnings.length
    ? `<p class="warn">Lưu ý: ${plan.warnings.map(esc).join('; ')}</p>`
    : '';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(plan.name)} — Phương án tuần tra</title>
<link rel="stylesheet" href="/api/patrol/sheet.css"></head>
<body>
<div class="secret" data-testid="secret-mark">MẬT</div>
<h1>Phương án tuần tra, kiểm soát địa bàn trọng điểm về ma túy</h1>
<p class="meta"><strong>${esc(plan.name)}</strong><br>Ngày ${viDate(plan.date)} · Ca ${plan.shiftStart}–${plan.shiftEnd} · ${plan.stops.length} điểm dừng · Lộ trình ${(plan.routeLengthM / 1000).toFixed(1).replace('.', ',')} km (đường chim bay) · Vùng tuần tra bán kính ${plan.radiusM} m</p>
${mapSvg(plan, basemap)}
<div class="legend"><span class="l-top">Điểm trọng điểm (ghé ít nhất 2 giờ/lần)</span><span class="l-stop">Điểm dừng khác</span><span class="l-route">Lộ trình theo thứ tự</span><span class="l-zone">Vùng tuần tra</span></div>
<div class="table-wrap"><table><thead><tr><th>STT</th><th>Địa điểm</th><th>Loại</th><th>Xã/phường</th><th>Tọa độ (vĩ độ, kinh độ)</th><th>Giờ ghé (thời lượng, phút)</th><th>Kết quả</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
${warnings}
<p>Đi theo thứ tự điểm dừng; điểm trọng điểm được ghé lại theo giờ đã ghi. Mỗi lần ghé 10–16 phút vào thời điểm ngẫu nhiên đã định sẵn; không để lộ lịch trình. In ngày ${viDate(printedOn)}.</p>
<div class="sign"><div>Người lập<br><br><br></div><div>Chỉ huy duyệt<br><br><br></div></div>
<div class="footer-secret">MẬT</div>
<p class="no-print">Nhấn Ctrl+P (In) và chọn khổ A4.</p>
</body></html>
`;
}
