import { useSyncExternalStore } from 'react';

/**
 * The page's maps go first. A new map counts as loading until MapLibre has its tiles ('load') and as drawing
 * until it is idle with its first colouring; work the first picture does not need waits for them: requests
 * that would queue before the tiles on the server (a period's neighbours) wait for {@link useMapsLoaded};
 * code that would compete with the drawing for the browser's main thread (deck.gl), and requests that would
 * queue before the neighbours (report counts), for {@link whenMapsDrawn} / {@link useMapsDrawn}. On a page with no map both are true at once.
 */

let loading = 0;
let drawing = 0;
const listeners = new Set<() => void>();
let drawnWaiters: (() => void)[] = [];

function publish() {
  for (const l of listeners) l();
  if (drawing === 0) {
    const waiters = drawnWaiters;
    drawnWaiters = [];
    for (const w of waiters) w();
  }
}

export interface FirstDraw {
  /** The map has its tiles (MapLibre's 'load'). */
  loaded(): void;
  /** The map is idle with its first colouring (or idle with nothing to colour). Implies loaded. */
  drawn(): void;
}

/** A map starts: it counts as loading and drawing until it says otherwise (or is removed: call both). */
export function startFirstDraw(): FirstDraw {
  let isLoading = true;
  let isDrawing = true;
  loading++;
  drawing++;
  const loaded = () => {
    if (!isLoading) return;
    isLoading = false;
    loading--;
    publish();
  };
  return {
    loaded,
    drawn: () => {
      loaded();
      if (!isDrawing) return;
      isDrawing = false;
      drawing--;
      publish();
    },
  };
}

/** Resolves once no map of the page is still drawing its first picture (at once when none is). */
export function whenMapsDrawn(): Promise<void> {
  if (drawing === 0) return Promise.resolve();
  return new Promise((resolve) => {
    drawnWaiters.push(resolve);
  });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** True once no map of the page is still loading its first tiles. */
export function useMapsLoaded(): boolean {
  return useSyncExternalStore(subscribe, () => loading === 0);
}

/** True once no map of the page is still drawing its first picture. */
export function useMapsDrawn(): boolean {
  return useSyncExternalStore(subscribe, () => drawing === 0);
}
