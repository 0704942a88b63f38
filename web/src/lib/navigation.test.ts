import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { locationSnapshot, navigate, subscribeLocation } from './navigation';

/** A browser's location and history, enough for the app's one navigation module. */
function fakeWindow(start: string) {
  const location = new URL(start, 'http://atlas.test');
  const move = (_: unknown, __: string, href: string) => {
    const next = new URL(href, location);
    location.pathname = next.pathname;
    location.search = next.search;
  };
  return {
    location,
    history: { pushState: vi.fn(move), replaceState: vi.fn(move) },
    addEventListener: () => {},
    removeEventListener: () => {},
  };
}

describe('navigate', () => {
  let win: ReturnType<typeof fakeWindow>;
  beforeEach(() => {
    win = fakeWindow('/ban-do/tinh/01?period=2024-Q1');
    vi.stubGlobal('window', win);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('moves to the link followed and tells every subscriber', () => {
    const heard: string[] = [];
    const stop = subscribeLocation(() => heard.push(locationSnapshot()));
    navigate('/so-sanh?left=2024-Q1&province=01');
    stop();
    expect(locationSnapshot()).toBe('/so-sanh?left=2024-Q1&province=01');
    expect(heard).toEqual(['/so-sanh?left=2024-Q1&province=01']);
    expect(win.history.pushState).toHaveBeenCalledTimes(1);
  });

  it("drops a map page's late camera write once the user has followed a link to another page", () => {
    navigate('/so-sanh?left=2024-Q1&province=01');
    // The dashboard map's last moveend lands after the click: it must not pull the user back to the map.
    navigate('/ban-do/tinh/01?period=2024-Q1&map=8.00/21.00000/105.80000', {
      replace: true,
      onlyFrom: 'map',
    });
    expect(locationSnapshot()).toBe('/so-sanh?left=2024-Q1&province=01');
    expect(win.history.replaceState).not.toHaveBeenCalled();
  });

  it("keeps a page's own writes while the user is on it", () => {
    navigate('/ban-do/tinh/01?period=2024-Q2', { replace: true, onlyFrom: 'map' });
    expect(locationSnapshot()).toBe('/ban-do/tinh/01?period=2024-Q2');
    navigate('/so-sanh?left=2024-Q1');
    navigate('/so-sanh?left=2023-Q1', { replace: true, onlyFrom: 'compare' });
    expect(locationSnapshot()).toBe('/so-sanh?left=2023-Q1');
  });
});
