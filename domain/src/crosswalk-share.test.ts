import { describe, expect, it } from 'vitest';
import { isFullShare, partialShareSql, shareKind } from './crosswalk-share';

describe('crosswalk shares', () => {
  it('count a share as the whole unit from 0.999 on, and the same for the row kind and the estimate flag', () => {
    for (const w of [1, 0.9995, 0.999]) {
      expect(isFullShare(w), String(w)).toBe(true);
      expect(shareKind(w)).toBe('full');
    }
    for (const w of [0.9989, 0.5, 0.01]) {
      expect(isFullShare(w), String(w)).toBe(false);
      expect(shareKind(w)).toBe('partial');
    }
  });

  it('write the SQL condition of an estimate with the same bound', () => {
    const sql = partialShareSql('cw.weight');
    const bound = Number(sql.replace('cw.weight < ', ''));
    expect(isFullShare(bound)).toBe(true);
    expect(isFullShare(bound - 1e-9)).toBe(false);
  });
});
