/**
 * The one door browser tests have into the app. It exists only when a test defines `window.__pcmtTest`
 * before the app's scripts run (test/e2e/browser.ts does, for every page it opens); a user's browser never
 * has it, so the product neither writes nor keeps anything for tests.
 *
 * - `maps`: every map on the page (MapLibre instances; the compare page has two), `lastMap` the newest.
 *
 * What a map has drawn is not here: the map announces it through its `onRendered` callback, which the
 * product uses (time-lapse pacing), and mirrors it on its container as `data-rendered` for tests to read.
 */
export interface TestHook {
  maps: Set<unknown>;
  lastMap: unknown;
}

export function testHook(): TestHook | null {
  return (window as { __pcmtTest?: TestHook }).__pcmtTest ?? null;
}
