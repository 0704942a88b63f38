import { booleanValid } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { clipByConvex } from './clip-convex';
import { dissolve } from './dissolve';
import { insertJunctions } from './junctions';
import { toMultiPolygon } from './measure';
import { ccwRing, NO_TAG, type Point, pointInShape, ringSignedArea2, type Shape } from './shape';

const square = (x: number, y: number, size: number): Point[] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
];

const shapeOf = (points: Point[], tag = NO_TAG): Shape => [{ rings: [ccwRing(points, tag)] }];

/** Planar area of a shape (holes subtracted). */
const planarArea = (shape: Shape) =>
  shape.reduce((sum, poly) => sum + poly.rings.reduce((s, r) => s + ringSignedArea2(r.points) / 2, 0), 0);

describe('clipByConvex', () => {
  it('intersects a square with a diamond and keeps edge tags', () => {
    const subject = shapeOf(square(0, 0, 2), 7);
    const diamond = ccwRing(
      [
        [1, -0.5],
        [2.5, 1],
        [1, 2.5],
        [-0.5, 1],
      ],
      9,
    );
    const result = clipByConvex(diamond, subject);
    expect(result).toHaveLength(1);
    // The square loses four corner triangles of area 0.125.
    expect(planarArea(result)).toBeCloseTo(3.5, 12);
    expect(new Set(result[0]?.rings[0]?.tags)).toEqual(new Set([7, 9]));
  });

  it('handles a clipper whose edges pass exactly through subject corners', () => {
    const triangle = ccwRing([
      [1, -1],
      [3, 1],
      [1, 3],
    ]);
    // The triangle's slanted edges touch the square at (2,0) and (2,2): the result is [1,2]×[0,2].
    expect(planarArea(clipByConvex(triangle, shapeOf(square(0, 0, 2))))).toBeCloseTo(2, 12);
  });

  it('splits a U shape into two parts', () => {
    const u: Point[] = [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
    ];
    const result = clipByConvex(ccwRing(square(-1, 2, 5)), shapeOf(u));
    expect(result).toHaveLength(2);
    expect(planarArea(result)).toBeCloseTo(2, 12);
    expect(booleanValid(toMultiPolygon(result))).toBe(true);
  });

  it('returns the clipper when it lies inside the subject, and the subject when it lies inside', () => {
    const big = shapeOf(square(0, 0, 10));
    expect(planarArea(clipByConvex(ccwRing(square(2, 2, 1)), big))).toBeCloseTo(1, 12);
    expect(planarArea(clipByConvex(ccwRing(square(-5, -5, 30)), big))).toBeCloseTo(100, 12);
    expect(clipByConvex(ccwRing(square(20, 20, 1)), big)).toEqual([]);
  });

  it('keeps holes lying inside the clipper', () => {
    const withHole: Shape = [
      {
        rings: [
          ccwRing(square(0, 0, 10)),
          { ...ccwRing(square(4, 4, 2)), points: square(4, 4, 2).reverse() },
        ],
      },
    ];
    const result = clipByConvex(ccwRing(square(1, 1, 8)), withHole);
    expect(result).toHaveLength(1);
    expect(result[0]?.rings).toHaveLength(2);
    expect(planarArea(result)).toBeCloseTo(64 - 4, 12);
    expect(pointInShape([5, 5], result)).toBe(false);
  });
});

describe('dissolve', () => {
  it('merges a 2 × 2 grid into one square', () => {
    const cells = [square(0, 0, 1), square(1, 0, 1), square(0, 1, 1), square(1, 1, 1)].map((s) => shapeOf(s));
    const merged = dissolve(cells);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.rings).toHaveLength(1);
    expect(planarArea(merged)).toBeCloseTo(4, 12);
  });

  it('keeps a ring of cells around a hole as one polygon with a hole', () => {
    const cells: Shape[] = [];
    for (let x = 0; x < 3; x++)
      for (let y = 0; y < 3; y++) if (x !== 1 || y !== 1) cells.push(shapeOf(square(x, y, 1)));
    const merged = dissolve(cells);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.rings).toHaveLength(2);
    expect(planarArea(merged)).toBeCloseTo(8, 12);
    expect(booleanValid(toMultiPolygon(merged))).toBe(true);
  });

  it('separates cells touching at one corner into two polygons', () => {
    const merged = dissolve([shapeOf(square(0, 0, 1)), shapeOf(square(1, 1, 1))]);
    // Two simple squares sharing a vertex (valid in OGC terms; turf's booleanValid rejects any touch).
    expect(merged).toHaveLength(2);
    expect(merged.map((poly) => poly.rings[0]?.points.length)).toEqual([4, 4]);
  });

  it('needs junctions: a T-junction blocks the union until it is inserted', () => {
    // Left cell has edge (1,0)–(1,2) tagged 0; the two right cells meet it at (1,1).
    const left: Shape = [
      {
        rings: [
          {
            points: [
              [0, 0],
              [1, 0],
              [1, 2],
              [0, 2],
            ],
            tags: [NO_TAG, 0, NO_TAG, NO_TAG],
          },
        ],
      },
    ];
    const lower: Shape = [
      {
        rings: [
          {
            points: [
              [1, 0],
              [2, 0],
              [2, 1],
              [1, 1],
            ],
            tags: [NO_TAG, NO_TAG, NO_TAG, 0],
          },
        ],
      },
    ];
    const upper: Shape = [
      {
        rings: [
          {
            points: [
              [1, 1],
              [2, 1],
              [2, 2],
              [1, 2],
            ],
            tags: [NO_TAG, NO_TAG, NO_TAG, 0],
          },
        ],
      },
    ];
    const edges: Array<[Point, Point]> = [
      [
        [1, 0],
        [1, 2],
      ],
    ];
    insertJunctions([left, lower, upper], edges);
    expect(left[0]?.rings[0]?.points).toContainEqual([1, 1]);
    const merged = dissolve([left, lower, upper]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.rings).toHaveLength(1);
    expect(planarArea(merged)).toBeCloseTo(4, 12);
  });
});
