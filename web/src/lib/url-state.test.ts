import { describe, expect, it } from 'vitest';
import {
  type CompareState,
  DEFAULT_VIEW,
  parseCompareState,
  parseViewState,
  serializeCompareState,
  serializeViewState,
  type ViewState,
} from './url-state';

const roundTrip = (s: ViewState) => {
  const url = new URL(serializeViewState(s), 'http://x');
  return parseViewState(url.pathname, url.search);
};

describe('view state in the URL', () => {
  it('opens the national status map by default', () => {
    expect(parseViewState('/', '')).toEqual(DEFAULT_VIEW);
    expect(serializeViewState(DEFAULT_VIEW)).toBe('/ban-do');
  });

  it('round-trips every choice', () => {
    const view: ViewState = {
      province: '14',
      period: '2024-Q3',
      indicator: 'addicts_per_1000',
      method: 'jenks',
      classes: 6,
      layers: new Set(['hotspots']),
      map: { lng: 104.12345, lat: 21.54321, zoom: 8.25 },
      todayUnits: true,
      unit: '04006',
      view: 'table',
      lang: 'en',
    };
    const url = serializeViewState(view);
    expect(url).toBe(
      '/ban-do/tinh/14?period=2024-Q3&indicator=addicts_per_1000&method=jenks&classes=6&layers=hotspots&units=today&unit=04006&view=table&lang=en&map=8.25/21.54321/104.12345',
    );
    expect(roundTrip(view)).toEqual(view);
  });

  it('keeps an empty layer list distinct from the default', () => {
    const view = { ...DEFAULT_VIEW, layers: new Set<never>() };
    expect(serializeViewState(view)).toBe('/ban-do?layers=');
    expect(roundTrip(view).layers.size).toBe(0);
  });

  it('ignores malformed values instead of failing', () => {
    const s = parseViewState('/ban-do/tinh/abc', '?period=2024-Q9&classes=12&map=1/2&unit=x&indicator=DROP');
    expect(s).toEqual(DEFAULT_VIEW);
  });
});

describe('compare state in the URL', () => {
  const comparison: CompareState = {
    left: { period: '2024-Q3', indicator: 'status' },
    right: { period: '2025-Q3', indicator: 'addicts_per_1000' },
    province: '01',
    method: 'jenks',
    classes: 4,
    todayUnits: true,
    map: { lng: 105.8, lat: 21.02, zoom: 9.5 },
    lang: 'en',
  };

  it('round-trips a comparison so a link reopens it', () => {
    const url = serializeCompareState(comparison);
    expect(url).toBe(
      '/so-sanh?left=2024-Q3&right=2025-Q3&ri=addicts_per_1000&province=01&method=jenks&classes=4&units=today&lang=en&map=9.50/21.02000/105.80000',
    );
    expect(parseCompareState(new URL(url, 'http://x').search)).toEqual(comparison);
  });

  it('leaves defaults out and lets the page choose missing periods', () => {
    const s = parseCompareState('');
    expect(s.left).toEqual({ period: null, indicator: 'status' });
    expect(s.right).toEqual({ period: null, indicator: 'status' });
    expect(serializeCompareState(s)).toBe('/so-sanh');
  });

  it('ignores malformed values', () => {
    const s = parseCompareState('?left=2024-Q7&right=x&li=DROP&province=1234&map=a/b/c');
    expect(s).toEqual(parseCompareState(''));
  });
});
