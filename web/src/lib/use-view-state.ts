import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { parseViewState, serializeViewState, type ViewState } from './url-state';

const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/**
 * The view state held in the URL. Choices a user would want Back to undo (province, period, indicator…)
 * push a history entry; camera moves replace the current one so Back does not replay every pan.
 */
export function useViewState(): [
  ViewState,
  (patch: Partial<ViewState>, opts?: { replace?: boolean }) => void,
] {
  const href = useSyncExternalStore(subscribe, snapshot);
  const state = useMemo(() => {
    const url = new URL(href, window.location.origin);
    return parseViewState(url.pathname, url.search);
  }, [href]);
  const update = useCallback((patch: Partial<ViewState>, opts: { replace?: boolean } = {}) => {
    const current = parseViewState(window.location.pathname, window.location.search);
    const next = serializeViewState({ ...current, ...patch });
    if (next === snapshot()) return;
    if (opts.replace) window.history.replaceState(null, '', next);
    else window.history.pushState(null, '', next);
    for (const l of listeners) l();
  }, []);
  return [state, update];
}
