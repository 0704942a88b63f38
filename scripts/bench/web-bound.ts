/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { STATUS_ORDER } from '@pcmt/domain/status-classes';
import type { launch } from '../../test/e2e/browser';
import { NO_DATA_COLOR } from '../../web/src/components/map/choropleth';
import { buildMapStyle, VIETNAM_BOUNDS } from '../../web/src/components/map/map-style';
import { STATUS_COLORS } from '../../web/src/lib/status-style';

/** The browser context of the e2e helpers (playwright-core is the test package's dependency, not ours). */
type BrowserContext = Awaited<ReturnType<typeof launch>>;

/**
 * The lower bound of the web bench (web.ts), measured in the same run: a bare page on the app's origin that
 * loads MapLibre and nothing else, draws the same style (the same boundary tiles from the same server) at
 * the same size and camera, fetches the same /api/status answer the app asked for and colours the communes
 * with feature-state — what any app showing this map must do. Its slider swaps to another period's answer
 * (fetched beforehand: the app prefetches neighbours too) with feature-state, as the app's slider does.
 * The page announces `data-rendered` on its map container like the app (map-announce.ts), so the bench
 * measures both with the same waits and the same slider input.
 */

export const BOUND_PATH = '/__bench/bare-map';

const fromWeb = createRequire(join(import.meta.dirname, '../../web/package.json'));
const maplibreDist = dirname(fromWeb.resolve('maplibre-gl/dist/maplibre-gl.mjs'));

function html(origin: string, tileAt: string): string {
  const style = buildMapStyle({
    origin,
    tileAt,
    fill: {
      palette: STATUS_ORDER.map((s) => STATUS_COLORS[s]),
      noDataColor: NO_DATA_COLOR,
      outsideColor: NO_DATA_COLOR,
    },
  });
  const classOf = Object.fromEntries(STATUS_ORDER.map((s, i) => [s, i]));
  return `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${BOUND_PATH}/maplibre-gl.css">
<style>html,body{margin:0;height:100%}#map{position:absolute;right:0;top:0}</style></head>
<body><div id="map" data-testid="atlas-map"></div>
<input type="range" data-testid="period-slider" min="0" max="40" value="30" style="position:absolute;z-index:9">
<script type="module">
import * as maplibregl from '${BOUND_PATH}/maplibre-gl.mjs';
maplibregl.setWorkerUrl('${BOUND_PATH}/maplibre-gl-worker.mjs');
const style = ${JSON.stringify(style)};
const classOf = ${JSON.stringify(classOf)};
const el = document.getElementById('map');
const params = new URLSearchParams(location.search);
const first = params.get('first');
// The app's map size: the bare map draws as many pixels.
el.style.width = params.get('w') + 'px';
el.style.height = params.get('h') + 'px';
const answers = new Map();
const get = (url) => {
  if (!answers.has(url)) answers.set(url, fetch(url).then((r) => r.json()));
  return answers.get(url);
};
const map = new maplibregl.Map({ container: el, style, bounds: ${JSON.stringify(VIETNAM_BOUNDS)},
  fitBoundsOptions: { padding: 24 }, attributionControl: false });
// Only the communes whose class changed get a new state (as the app does, map-announce.ts).
let shown = new Map();
function paint(rows, key) {
  el.dataset.rendered = '';
  const next = new Map(rows.map((r) => [r.code, classOf[r.status] ?? -1]));
  for (const [code, c] of next)
    if (shown.get(code) !== c) map.setFeatureState({ source: 'communes', sourceLayer: 'communes', id: code }, { c });
  for (const code of shown.keys())
    if (!next.has(code)) map.removeFeatureState({ source: 'communes', sourceLayer: 'communes', id: code }, 'c');
  shown = next;
  map.once('idle', () => { el.dataset.rendered = key; });
  map.triggerRepaint();
}
const firstAnswer = get(first);
map.on('load', async () => {
  const a = await firstAnswer;
  paint(a.rows, 'status|' + a.meta.period + '|all|');
  // The neighbours, as the app prefetches them once a period is drawn.
  for (const u of params.getAll('next')) void get(u);
});
document.querySelector('[data-testid=period-slider]').addEventListener('input', async (e) => {
  const url = params.getAll('next')[30 - Number(e.target.value) - 1];
  if (!url) return;
  const a = await get(url);
  paint(a.rows, 'status|' + a.meta.period + '|all|');
});
</script></body></html>`;
}

/**
 * Serves the bare page and MapLibre's files (from node_modules: the same library the app bundles) on the
 * app's origin through the browser's request routing, so its tile and API requests carry the session.
 */
export async function routeBoundPage(context: BrowserContext, origin: string, tileAt: string): Promise<void> {
  const page = html(origin, tileAt);
  const files: Record<string, [string, string]> = {
    'maplibre-gl.mjs': ['maplibre-gl.mjs', 'text/javascript'],
    'maplibre-gl-worker.mjs': ['maplibre-gl-worker.mjs', 'text/javascript'],
    'maplibre-gl.css': ['maplibre-gl.css', 'text/css'],
  };
  const bodies = Object.fromEntries(
    Object.entries(files).map(([name, [file, type]]) => [
      name,
      { body: readFileSync(join(maplibreDist, file)), type },
    ]),
  );
  await context.route(`${origin}${BOUND_PATH}**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === BOUND_PATH)
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page });
    const f = bodies[path.slice(BOUND_PATH.length + 1)];
    if (!f) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, contentType: f.type, body: f.body });
  });
}

/**
 * The bare page's address: `first` the status answer to draw first, `next` those its slider steps to, `size`
 * the app's map size in CSS pixels.
 */
export function boundUrl(
  origin: string,
  first: string,
  next: string[],
  size: { width: number; height: number },
): string {
  const q = new URLSearchParams({ first, w: String(size.width), h: String(size.height) });
  for (const n of next) q.append('next', n);
  return `${origin}${BOUND_PATH}?${q}`;
}
