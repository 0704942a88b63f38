import type { Map as MapLibreMap } from 'maplibre-gl';
import { testHook } from '../../lib/test-hook';
import { CLASS_STATE } from './map-style';

/**
 * How every map of the app says what it has drawn — the dashboard's, the compare page's and the public
 * page's alike: the page's `onRendered(key)` callback, mirrored on the map's container as `data-rendered`
 * for browser tests, and the MapLibre instance registered with the tests' hook (lib/test-hook.ts).
 */

const COMMUNES = { source: 'communes', sourceLayer: 'communes' } as const;

/** Registers a map with the browser tests' hook (absent in a user's browser); returns its removal. */
export function registerMapForTests(map: MapLibreMap): () => void {
  const hook = testHook();
  if (!hook) return () => undefined;
  hook.maps.add(map);
  hook.lastMap = map;
  return () => {
    hook.maps.delete(map);
  };
}

/** The class states each map was last given (code → class index). */
const applied = new WeakMap<MapLibreMap, Map<string, number>>();

/**
 * Makes the communes' class states `classes` by changing only those that differ from the map's previous
 * colouring: a period step where most communes keep their class costs MapLibre the few that changed (every
 * set state re-evaluates its features' paint in every tile) instead of all 3,321.
 */
function setClassStates(map: MapLibreMap, classes: Iterable<readonly [string, number]>) {
  const next = new Map(classes);
  const before = applied.get(map);
  applied.set(map, next);
  if (!before) {
    map.removeFeatureState(COMMUNES);
    for (const [code, c] of next) map.setFeatureState({ ...COMMUNES, id: code }, { [CLASS_STATE]: c });
    return;
  }
  for (const [code, c] of next)
    if (before.get(code) !== c) map.setFeatureState({ ...COMMUNES, id: code }, { [CLASS_STATE]: c });
  for (const code of before.keys())
    if (!next.has(code)) map.removeFeatureState({ ...COMMUNES, id: code }, CLASS_STATE);
}

/**
 * Gives every commune the class state of `classes` (code → class index), then announces the colouring
 * named `key`: '' at once (a new colouring is drawing), `key` once the map is idle with it — unless a later
 * colouring started meanwhile. `onRendered` is called with each announcement and `el` mirrors it.
 */
export function paintClasses(
  map: MapLibreMap,
  el: HTMLElement,
  classes: Iterable<readonly [string, number]>,
  key: string,
  onRendered?: (drawn: string) => void,
): void {
  const announce = (drawn: string) => {
    el.dataset.rendered = drawn;
    onRendered?.(drawn);
  };
  announce('');
  el.dataset.pending = key;
  setClassStates(map, classes);
  map.once('idle', () => {
    if (el.dataset.pending === key) announce(key);
  });
  map.triggerRepaint();
}
