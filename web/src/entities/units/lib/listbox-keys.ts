import type { KeyboardEvent } from 'react';

/**
 * The keys of a search field with a list of results under it: arrows move the highlight, Enter picks the
 * highlighted result (never submitting a half-filled form), Escape closes the list.
 */
export function listboxKeyDown(
  e: KeyboardEvent<HTMLInputElement>,
  o: { count: number; setActive: (f: (a: number) => number) => void; pick: () => void; close: () => void },
): void {
  if (e.key === 'ArrowDown') {
    e.preventDefault();
    o.setActive((a) => Math.min(a + 1, o.count - 1));
  } else if (e.key === 'ArrowUp') {
    e.preventDefault();
    o.setActive((a) => Math.max(a - 1, 0));
  } else if (e.key === 'Enter') {
    e.preventDefault();
    o.pick();
  } else if (e.key === 'Escape') o.close();
}
