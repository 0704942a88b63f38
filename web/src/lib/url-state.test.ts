import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseViewState, serializeViewState, type ViewState } from './url-state';

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
