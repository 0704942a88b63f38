/** What a key does in a presentation; null = not ours (let the browser have it). */
export type DeckAction = 'next' | 'previous' | 'first' | 'last' | 'fullscreen' | 'exit';

/**
 * Presentation keys, including those of the usual USB clickers: they send PageDown/PageUp (most), or
 * arrows, and some send "b"/"." to blank the screen (not supported: ignored).
 */
export function deckAction(
  key: string,
  modifiers: { ctrl: boolean; alt: boolean; meta: boolean },
): DeckAction | null {
  if (modifiers.ctrl || modifiers.alt || modifiers.meta) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
    case 'Enter':
      return 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'f':
    case 'F':
    case 'F5':
      return 'fullscreen';
    case 'Escape':
      return 'exit';
    default:
      return null;
  }
}

/** The slide after an action, kept within the deck. */
export function stepSlide(
  current: number,
  count: number,
  action: 'next' | 'previous' | 'first' | 'last',
): number {
  if (count <= 0) return 0;
  const next =
    action === 'next'
      ? current + 1
      : action === 'previous'
        ? current - 1
        : action === 'first'
          ? 0
          : count - 1;
  return Math.min(Math.max(next, 0), count - 1);
}
