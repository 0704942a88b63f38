import type { PatrolPlan } from './patrol-plan';
import { visitTimes } from './plan-exports';

/**
 * The printable patrol sheet: one A4 page in Vietnamese with the "MẬT" (confidential) marking, the map
 * (zones, route, numbered stops drawn as SVG so it prints with no tiles or network), the ordered list with
 * visit times, a legend and the date. Printed from the browser (CSS @page A4).
 */

const esc = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const KIND_VI = { diem: 'Điểm', tu_diem: 'Tụ điểm' } as const;

const MAP_W = 680;
const MAP_H = 420;

/** Scales lon/lat into the map box, keeping metres square at the plan's latitude. */
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
    (MAP_W - 40) / Math.max((east - west) * kx, 1e-9),
    (MAP_H - 40) / Math.max(north - south, 1e-9),
  );
  const ox = (MAP_W - (east - west) * kx * scale) / 2;
  const oy = (MAP_H - (north - south) * scale) / 2;
  return {
    xy: (lon: number, lat: number): [number, number] => [
      ox + (lon - west) * kx * scale,
      MAP_H - oy - (lat - south) * scale,
    ],
    metresPerPixel: 111_320 / scale,
  };
}

function mapSvg(plan: PatrolPlan): string {
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
<rect width="${MAP_W}" height="${MAP_H}" class="frame"/>${zones}<polyline class="route" points="${route}"/>${stops}
<g class="scale"><line x1="16" y1="${MAP_H - 16}" x2="${(16 + barPx).toFixed(1)}" y2="${MAP_H - 16}"/><text x="16" y="${MAP_H - 22}">${barLabel}</text></g>
<text x="${MAP_W - 18}" y="28" class="north">B ↑</text></svg>`;
}

const viDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The sheet's stylesheet, served from the app's origin: the Content-Security-Policy allows no inline style
 * or script, and a printed page needs neither.
 */
export const PATROL_SHEET_CSS = `@page { size: A4 portrait; margin: 12mm 12mm 14mm; }
* { box-sizing: border-box; }
body { font: 11pt/1.35 "Times New Roman", serif; color: #000; margin: 0 auto; max-width: 186mm; }
.secret { text-align: center; font-weight: bold; font-size: 14pt; border: 2px solid #b00; color: #b00; width: 28mm; margin: 0 0 2mm auto; padding: 1mm; letter-spacing: 2px; }
.footer-secret { position: fixed; bottom: 0; left: 0; right: 0; text-align: center; font-weight: bold; color: #b00; }
h1 { font-size: 15pt; text-align: center; margin: 1mm 0; text-transform: uppercase; }
.meta { text-align: center; margin: 0 0 3mm; }
svg { width: 100%; height: auto; border: 1px solid #444; }
.frame { fill: #f7f7f4; }
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
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; page-break-inside: auto; }
th, td { border: 1px solid #000; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; } tr { page-break-inside: avoid; } tr.top td:first-child { font-weight: bold; color: #b00; }
.sign { display: flex; justify-content: space-between; margin-top: 6mm; text-align: center; }
.warn { color: #b00; }
@media print { .no-print { display: none; } }
`;

export function patrolSheetHtml(plan: PatrolPlan, printedOn: string): string {
  const rows = plan.stops
    .map(
      (s) =>
        `<tr${s.top ? ' class="top"' : ''}><td>${s.order}</td><td>${esc(s.code)}</td><td>${KIND_VI[s.kind]}</td><td>${esc(
          s.communeName,
        )}</td><td>${s.position[1].toFixed(5)}, ${s.position[0].toFixed(5)}</td><td>${esc(visitTimes(plan, s.code))}</td><td></td></tr>`,
    )
    .join('\n');
  const warnings = plan.warnings.length
    ? `<p class="warn">Lưu ý: ${plan.warnings.map(esc).join('; ')}</p>`
    : '';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${esc(plan.name)} — Phương án tuần tra</title>
<link rel="stylesheet" href="/api/patrol/sheet.css"></head>
<body>
<div class="secret" data-testid="secret-mark">MẬT</div>
<h1>Phương án tuần tra, kiểm soát địa bàn trọng điểm về ma túy</h1>
<p class="meta"><strong>${esc(plan.name)}</strong><br>Ngày ${viDate(plan.date)} · Ca ${plan.shiftStart}–${plan.shiftEnd} · ${plan.stops.length} điểm dừng · Lộ trình ${(plan.routeLengthM / 1000).toFixed(1)} km (đường chim bay) · Vùng tuần tra bán kính ${plan.radiusM} m</p>
${mapSvg(plan)}
<div class="legend"><span class="l-top">Điểm trọng điểm (ghé ít nhất 2 giờ/lần)</span><span class="l-stop">Điểm dừng khác</span><span class="l-route">Lộ trình theo thứ tự</span><span class="l-zone">Vùng tuần tra</span></div>
<table><thead><tr><th>STT</th><th>Mã điểm</th><th>Loại</th><th>Xã/phường</th><th>Tọa độ (vĩ độ, kinh độ)</th><th>Giờ ghé (thời lượng, phút)</th><th>Kết quả</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${warnings}
<p>Mỗi lần ghé 10–16 phút vào thời điểm ngẫu nhiên đã định sẵn; không để lộ lịch trình. In ngày ${viDate(printedOn)}.</p>
<div class="sign"><div>Người lập<br><br><br></div><div>Chỉ huy duyệt<br><br><br></div></div>
<div class="footer-secret">MẬT</div>
<p class="no-print">Nhấn Ctrl+P (In) và chọn khổ A4.</p>
</body></html>
`;
}
