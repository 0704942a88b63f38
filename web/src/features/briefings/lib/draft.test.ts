import { describe, expect, it } from 'vitest';
import { addView, type Draft, EMPTY_DRAFT, moveView, parseDraft, removeView, updateView } from './draft';

const view = (title: string) => ({ title, note: '', province: '01', period: '2025-Q3', indicator: 'status' });

describe('briefing draft', () => {
  const three: Draft = [view('A'), view('B'), view('C')].reduce(addView, EMPTY_DRAFT);

  it('keeps views in the order they were added and reorders them', () => {
    expect(three.views.map((v) => v.title)).toEqual(['A', 'B', 'C']);
    expect(moveView(three, 2, -1).views.map((v) => v.title)).toEqual(['A', 'C', 'B']);
    expect(moveView(three, 0, 1).views.map((v) => v.title)).toEqual(['B', 'A', 'C']);
    expect(moveView(three, 0, -1)).toBe(three);
    expect(moveView(three, 2, 1)).toBe(three);
  });

  it('removes and edits one view', () => {
    expect(removeView(three, 1).views.map((v) => v.title)).toEqual(['A', 'C']);
    expect(updateView(three, 1, { note: 'đọc' }).views[1]?.note).toBe('đọc');
    expect(updateView(three, 1, { note: 'đọc' }).views[0]?.note).toBe('');
  });

  it('survives a round trip through storage and ignores what it cannot read', () => {
    const stored = JSON.stringify({ ...three, title: 'Họp quý III', confidential: true });
    const back = parseDraft(stored);
    expect(back.title).toBe('Họp quý III');
    expect(back.confidential).toBe(true);
    expect(back.views).toHaveLength(3);
    expect(parseDraft('{not json')).toEqual(EMPTY_DRAFT);
    expect(parseDraft(JSON.stringify({ views: [{ nope: 1 }, view('X')] })).views).toHaveLength(1);
    expect(parseDraft(null)).toEqual(EMPTY_DRAFT);
  });
});
