import type { Layer } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { DRAW_CATCHER_ID, PATROL_COLORS, type PlannerHotspot, patrolLayers } from './patrol-layers';

const spot = (code: string, lon: number): PlannerHotspot => ({
  code,
  kind: 'diem',
  communeCode: '00004',
  position: [lon, 21],
  status: 'active',
  detectedOn: '2025-01-01',
  reemergedOn: null,
});

const hotspots = [spot('a', 105.1), spot('b', 105.2), spot('c', 105.3)];
const plan = {
  // Route order differs from the input order: the path must follow `order`.
  stops: [
    { code: 'c', order: 2, position: [105.3, 21] as [number, number] },
    { code: 'a', order: 1, position: [105.1, 21] as [number, number] },
  ],
  zones: { type: 'MultiPolygon' as const, coordinates: [] },
};

type Accessor<T, R> = (d: T) => R;

/** A layer's accessor prop; the base Layer type does not declare the props of its subclasses. */
function accessor<T, R>(layer: Layer | undefined, name: string): Accessor<T, R> {
  if (!layer) throw new Error(`no layer for ${name}`);
  const f = (layer.props as unknown as Record<string, Accessor<T, R> | undefined>)[name];
  if (!f) throw new Error(`layer ${layer.id} has no ${name}`);
  return f;
}

describe('patrol planner layers', () => {
  it('draw selected places larger and amber, the others in the hotspot colour', () => {
    const layer = patrolLayers(hotspots, new Set(['b']), null).find((l) => l.id === 'patrol-hotspots');
    const fill = accessor<PlannerHotspot, number[]>(layer, 'getFillColor');
    const radius = accessor<PlannerHotspot, number>(layer, 'getRadius');
    expect(fill(spot('b', 0))).toEqual(PATROL_COLORS.selected);
    expect(fill(spot('a', 0))).toEqual(PATROL_COLORS.hotspot);
    expect(radius(spot('b', 0))).toBeGreaterThan(radius(spot('a', 0)));
    expect(layer?.props.pickable).toBe(true);
  });

  it('draw the route through the stops in route order, numbered, zones underneath', () => {
    const layers = patrolLayers(hotspots, new Set(['a', 'c']), plan);
    expect(layers.map((l) => l.id)).toEqual([
      'patrol-zones',
      'patrol-route',
      'patrol-hotspots',
      'patrol-stop-numbers',
    ]);
    const route = layers[1]?.props.data as { path: [number, number][] }[];
    expect(route[0]?.path).toEqual([
      [105.1, 21],
      [105.3, 21],
    ]);
    const text = accessor<{ order: number }, string>(layers[3], 'getText');
    expect(text({ order: 2 })).toBe('2');
  });

  it('add a pickable click catcher and a closed outline only while an area is drawn', () => {
    expect(patrolLayers(hotspots, new Set(), null).some((l) => l.id === DRAW_CATCHER_ID)).toBe(false);
    const ring: [number, number][] = [
      [105, 20],
      [106, 20],
      [106, 22],
    ];
    const layers = patrolLayers(hotspots, new Set(), null, { bounds: [104, 19, 107, 23], ring });
    expect(layers[0]?.id).toBe(DRAW_CATCHER_ID);
    expect(layers[0]?.props.pickable).toBe(true);
    const outline = layers.find((l) => l.id === 'patrol-lasso')?.props.data as { path: [number, number][] }[];
    expect(outline[0]?.path).toEqual([...ring, ring[0]]);
  });
});
