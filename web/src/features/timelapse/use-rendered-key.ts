import { type RefObject, useEffect, useState } from 'react';

/**
 * The colouring the map inside `area` has finished drawing: its container's `data-rendered` (see AtlasMap),
 * followed as it changes. Observed only while `enabled`, so an idle dashboard pays nothing for it.
 */
export function useRenderedKey(area: RefObject<HTMLElement | null>, enabled: boolean): string {
  const [key, setKey] = useState('');
  useEffect(() => {
    const el = area.current;
    if (!el || !enabled) {
      // What was seen before is stale once nobody watches: start from nothing next time.
      setKey('');
      return;
    }
    // The map element appears once the config is known: watch the area, not the map itself.
    const read = () => setKey(el.querySelector<HTMLElement>('.atlas-map')?.dataset.rendered ?? '');
    read();
    const observer = new MutationObserver(read);
    observer.observe(el, { subtree: true, childList: true, attributeFilter: ['data-rendered'] });
    return () => observer.disconnect();
  }, [area, enabled]);
  return key;
}
