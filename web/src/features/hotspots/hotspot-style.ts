/**
 * How hotspots look on the map, as data (no deck.gl): the layers (layers/hotspot-layers.ts) draw with these
 * and the legend shows them, so the legend can sit in the map page's first chunk without pulling deck.gl in.
 */

/** Below this zoom single points crowd each other: show their density instead. */
export const HOTSPOT_DENSITY_MAX_ZOOM = 7;

export type Rgba = [number, number, number, number];

/** Active: strong magenta-red ring; eliminated: hollow grey. Both stay apart from the status fills. */
export const ACTIVE_COLOR: Rgba = [200, 0, 90, 235];
export const ELIMINATED_COLOR: Rgba = [90, 90, 90, 200];
