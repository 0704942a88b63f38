import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { paintClasses } from './map-announce';
import { CLASS_STATE } from './map-style';

/** The feature-state part of a MapLibre map: states by commune code, and how many features were touched. */
function fakeMap() {
  const states = new Map<string, Record<string, unknown>>();
  let touched = 0;
  const map = {
    setFeatureState(f: { id: string }, s: Record<string, unknown>) {
      touched++;
      states.set(f.id, { ...states.get(f.id), ...s });
    },
    removeFeatureState(f: { id?: string }, key?: string) {
      if (f.id === undefined) {
        touched += states.size;
        states.clear();
        return;
      }
      touched++;
      const s = { ...states.get(f.id) };
      if (key) delete s[key];
      if (Object.keys(s).length === 0) states.delete(f.id);
      else states.set(f.id, s);
    },
    once() {},
    triggerRepaint() {},
  };
  const classes = () => new Map([...states].map(([code, s]) => [code, s[CLASS_STATE]]));
  return {
    map: map as unknown as MapLibreMap,
    classes,
    touched: () => touched,
    resetTouched: () => {
      touched = 0;
    },
  };
}

const el = () => ({ dataset: {} }) as unknown as HTMLElement;

describe('paintClasses', () => {
  it('a period step leaves every commune with its new class and touches only those that changed', () => {
    const m = fakeMap();
    const container = el();
    paintClasses(
      m.map,
      container,
      new Map([
        ['00004', 0],
        ['00008', 1],
        ['00025', 2],
        ['00031', -1],
      ]),
      'q3',
    );
    m.resetTouched();
    // 00008 changes class, 00025 leaves the view, 00040 comes in; 00004 and 00031 stay as they were.
    const next = new Map([
      ['00004', 0],
      ['00008', 3],
      ['00031', -1],
      ['00040', 1],
    ]);
    paintClasses(m.map, container, next, 'q2');
    expect(m.classes()).toEqual(next);
    expect(m.touched()).toBe(3);
  });

  it('any sequence of colourings ends in exactly the last one, as a full repaint would', () => {
    const m = fakeMap();
    const container = el();
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let step = 0; step < 30; step++) {
      const classes = new Map<string, number>();
      for (let i = 0; i < 60; i++)
        if (random() < 0.7) classes.set(String(i).padStart(5, '0'), Math.floor(random() * 6) - 1);
      paintClasses(m.map, container, classes, `k${step}`);
      expect(m.classes()).toEqual(classes);
    }
  });
});
