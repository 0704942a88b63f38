import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { locationSnapshot, navigate, subscribeLocation } from './navigation';
import { parseViewState, serializeViewState, type ViewState } from './url-state';

/**
 * The map's view state held in the URL. Choices a user would want Back to undo (province, period, indicator…)
 * push a history entry; camera moves replace the current one so Back does not replay every pan.
 */
export function useViewState(): [
  ViewState,
  (patch: Partial<ViewState>, opts?: { replace?: boolean }) => void,
] {
  const href = useSyncExternalStore(subscribeLocation, locationSnapshot);
  const state = useMemo(() => {
    const url = new URL(href, window.location.origin);
    return parseViewState(url.pathname, url.search);
  }, [href]);
  const update = useCallback((patch: Partial<ViewState>, opts: { replace?: boolean } = {}) => {
    const current = parseViewState(window.location.pathname, window.location.search);
    navigate(serializeViewState({ ...current, ...patch }), { ...opts, onlyFrom: 'map' });
  }, []);
  return [state, update];
}
