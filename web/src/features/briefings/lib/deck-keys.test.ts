import { describe, expect, it } from 'vitest';
import { deckAction, stepSlide } from './deck-keys';

const none = { ctrl: false, alt: false, meta: false };

describe('presentation keys', () => {
  it('maps clicker and keyboard keys to slide moves', () => {
    expect(deckAction('PageDown', none)).toBe('next');
    expect(deckAction('PageUp', none)).toBe('previous');
    expect(deckAction('ArrowRight', none)).toBe('next');
    expect(deckAction('ArrowLeft', none)).toBe('previous');
    expect(deckAction('Home', none)).toBe('first');
    expect(deckAction('End', none)).toBe('last');
    expect(deckAction('f', none)).toBe('fullscreen');
  });

  it('leaves browser shortcuts and other keys alone', () => {
    expect(deckAction('ArrowRight', { ...none, alt: true })).toBeNull();
    expect(deckAction('r', { ...none, ctrl: true })).toBeNull();
    expect(deckAction('x', none)).toBeNull();
  });

  it('stays within the deck', () => {
    expect(stepSlide(0, 3, 'previous')).toBe(0);
    expect(stepSlide(2, 3, 'next')).toBe(2);
    expect(stepSlide(1, 3, 'next')).toBe(2);
    expect(stepSlide(1, 3, 'first')).toBe(0);
    expect(stepSlide(0, 3, 'last')).toBe(2);
    expect(stepSlide(0, 0, 'next')).toBe(0);
  });
});
