import { describe, expect, it } from 'vitest';
import { LABEL_ROOM_ASPECTS, type MapLabel, placeLabels } from './map-labels';

/** The room of a square unit of half-side `s` degrees around its centre: a box of aspect k fits up to s / k. */
const squareRoom = (s: number) => LABEL_ROOM_ASPECTS.map((k) => s / k);

/** A flat projection at `ppd` pixels per degree, 100°E 20°N at the top-left corner. */
const flat =
  (ppd: number) =>
  ([lon, lat]: [number, number]): [number, number] => [(lon - 100) * ppd, (20 - lat) * ppd];

/** 10 px a character: "Sơn La" is 60 px wide, its letters 30 px either side of the anchor. */
const width = (text: string) => text.length * 10;
const SCREEN = { width: 2000, height: 2000 };

describe('placeLabels', () => {
  const sonLa: MapLabel = {
    code: '14',
    name: 'Sơn La',
    position: [101, 19],
    priority: 14_000,
    room: squareRoom(0.5),
  };

  it('keeps a name only from the scale at which its letters fit inside its unit', () => {
    // The unit is 1° wide: 60 px of letters need 60 px a degree.
    expect(placeLabels([sonLa], flat(50), width, 12, SCREEN)).toEqual([]);
    const placed = placeLabels([sonLa], flat(70), width, 12, SCREEN);
    expect(placed.map((p) => p.label.code)).toEqual(['14']);
    // The box is centred on the anchor, which is reported with it.
    const box = placed[0]?.box;
    expect(box && (box.x0 + box.x1) / 2).toBeCloseTo(70);
    expect(box?.x).toBeCloseTo(70);
    expect(box?.y).toBeCloseTo(70);
  });

  it('drops a name too tall for a thin unit even when it is wide enough', () => {
    // A strip 4° wide and 0.1° tall: 12 px letters need 120 px a degree.
    const strip: MapLabel = {
      code: '22',
      name: 'Dải',
      position: [101, 19],
      room: LABEL_ROOM_ASPECTS.map((k) => Math.min(0.05, 2 / k)),
    };
    expect(placeLabels([strip], flat(100), width, 12, SCREEN)).toEqual([]);
    expect(placeLabels([strip], flat(130), width, 12, SCREEN)).toHaveLength(1);
  });

  it('gives way to the larger unit where two names would overlap, and places unchecked names (no room) freely', () => {
    const small: MapLabel = {
      ...sonLa,
      code: '15',
      name: 'Lào Cai',
      position: [101.1, 19],
      priority: 13_000,
    };
    const sea: MapLabel = {
      code: 'hoang-sa',
      name: 'Quần đảo Hoàng Sa',
      position: [105, 16],
      priority: Infinity,
    };
    const placed = placeLabels([small, sonLa, sea], flat(200), width, 12, SCREEN);
    expect(placed.map((p) => p.label.code)).toEqual(['hoang-sa', '14']);
  });

  it('leaves out a name whose anchor is off screen', () => {
    expect(placeLabels([sonLa], flat(200), width, 12, { width: 100, height: 100 })).toEqual([]);
  });
});
