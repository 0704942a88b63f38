import type { BriefingCreate, BriefingViewSpec } from '@pcmt/domain/contracts/briefings';
import { useSyncExternalStore } from 'react';

/** The view fields the dashboard sends; the server fills defaults and validates the rest. */
export type DraftView = Pick<BriefingViewSpec, 'title' | 'note' | 'province' | 'period' | 'indicator'> &
  Partial<Pick<BriefingViewSpec, 'method' | 'classes' | 'todayUnits' | 'map' | 'bounds'>>;

/**
 * The briefing being put together, view by view, from the dashboard. Kept in the browser (localStorage) until
 * saved: nothing is frozen on the server until the committee secretary presses "save", and a reload or a
 * closed tab does not lose the work.
 */
export interface Draft {
  title: string;
  confidential: boolean;
  views: DraftView[];
}

const KEY = 'pcmt.briefing-draft.v1';
export const EMPTY_DRAFT: Draft = { title: '', confidential: false, views: [] };

/** Reads a stored draft; anything unreadable (another version, a hand edit) is an empty draft. */
export function parseDraft(raw: string | null): Draft {
  if (!raw) return EMPTY_DRAFT;
  try {
    const v = JSON.parse(raw) as Partial<Draft>;
    if (!v || typeof v !== 'object' || !Array.isArray(v.views)) return EMPTY_DRAFT;
    const views = v.views.filter(
      (x): x is DraftView =>
        typeof x === 'object' && x !== null && typeof x.title === 'string' && typeof x.period === 'string',
    );
    return {
      title: typeof v.title === 'string' ? v.title : '',
      confidential: v.confidential === true,
      views,
    };
  } catch {
    return EMPTY_DRAFT;
  }
}

export const addView = (d: Draft, view: DraftView): Draft => ({ ...d, views: [...d.views, view] });

export const removeView = (d: Draft, index: number): Draft => ({
  ...d,
  views: d.views.filter((_, i) => i !== index),
});

/** Moves a view one place up (-1) or down (+1); at either end nothing changes. */
export function moveView(d: Draft, index: number, by: -1 | 1): Draft {
  const to = index + by;
  if (index < 0 || index >= d.views.length || to < 0 || to >= d.views.length) return d;
  const views = [...d.views];
  const [v] = views.splice(index, 1);
  if (v) views.splice(to, 0, v);
  return { ...d, views };
}

export const updateView = (d: Draft, index: number, patch: Partial<DraftView>): Draft => ({
  ...d,
  views: d.views.map((v, i) => (i === index ? { ...v, ...patch } : v)),
});

/** The request that saves a draft. */
export const draftRequest = (d: Draft): BriefingCreate =>
  ({ title: d.title, confidential: d.confidential, views: d.views }) as BriefingCreate;

// --- the stored draft, shared by the dashboard button and the briefing page ---

const listeners = new Set<() => void>();
let cachedRaw: string | null | undefined;
let cached: Draft = EMPTY_DRAFT;

function read(): Draft {
  const raw = window.localStorage.getItem(KEY);
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cached = parseDraft(raw);
  }
  return cached;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab (the presenter's laptop often has the map in one and the list in another).
  const onStorage = (e: StorageEvent) => {
    if (e.key === KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function writeDraft(d: Draft) {
  if (d.views.length === 0 && !d.title) window.localStorage.removeItem(KEY);
  else window.localStorage.setItem(KEY, JSON.stringify(d));
  for (const l of listeners) l();
}

export function useDraft(): [Draft, (change: (d: Draft) => Draft) => void] {
  const draft = useSyncExternalStore(subscribe, read, () => EMPTY_DRAFT);
  return [draft, (change) => writeDraft(change(read()))];
}
