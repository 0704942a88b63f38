import { describe, expect, it } from 'vitest';
import { buildMapStyle, fillColorExpression, overlayOnBasemap, tileUrl } from './map-style';

const fill = { palette: ['#a', '#b'], noDataColor: '#nd', outsideColor: '#out' };

describe('map style', () => {
  it('uses only the app origin: no external style, tiles, glyphs or sprites', () => {
    const style = buildMapStyle({ origin: 'http://127.0.0.1:3000', tileAt: '2025-07-01', fill });
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    const urls = Object.values(style.sources).flatMap((s) => ('tiles' in s ? (s.tiles ?? []) : []));
    expect(urls.length).toBe(3);
    for (const u of urls) expect(u.startsWith('http://127.0.0.1:3000/api/tiles/')).toBe(true);
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
  });

  it('promotes the unit code to the feature id so colours can be set as feature-state', () => {
    const style = buildMapStyle({ origin: 'o', tileAt: '2025-07-01', fill });
    expect(style.sources.communes).toMatchObject({ promoteId: 'code' });
  });

  it('colours by class index, with distinct colours for no data and outside the view', () => {
    expect(fillColorExpression(fill)).toEqual([
      'match',
      ['coalesce', ['feature-state', 'c'], -2],
      -1,
      '#nd',
      0,
      '#a',
      1,
      '#b',
      '#out',
    ]);
  });

  it('asks for tiles of one unit version by date', () => {
    expect(tileUrl('http://h', 'communes', '2025-06-30')).toBe(
      'http://h/api/tiles/communes/{z}/{x}/{y}.mvt?at=2025-06-30',
    );
  });

  it('lays its layers over a configured basemap without the background, the commune fill translucent', () => {
    const own = buildMapStyle({ origin: 'o', tileAt: '2025-07-01', fill });
    const overlay = overlayOnBasemap(own);
    expect(overlay.layers.some((l) => l.type === 'background')).toBe(false);
    expect(overlay.layers.map((l) => l.id)).toEqual(
      own.layers.filter((l) => l.type !== 'background').map((l) => l.id),
    );
    const communeFill = overlay.layers.find((l) => l.id === 'commune-fill');
    expect(communeFill?.type === 'fill' ? communeFill.paint?.['fill-opacity'] : null).toBe(0.72);
    expect(overlay.sources).toBe(own.sources);
  });
});
