import { describe, expect, it } from 'vitest';
import { startFirstDraw, whenMapsDrawn } from './first-draw';

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => {
    done = true;
  });
  await new Promise((r) => setTimeout(r, 0));
  return done;
};

describe('first draw', () => {
  it('what waits for the maps goes at once on a page without one', async () => {
    expect(await settled(whenMapsDrawn())).toBe(true);
  });

  it('waits until every map has drawn its first picture, each counted once', async () => {
    const a = startFirstDraw();
    const b = startFirstDraw();
    const waiting = whenMapsDrawn();
    a.loaded();
    a.drawn();
    a.drawn();
    expect(await settled(waiting)).toBe(false);
    b.drawn();
    expect(await settled(waiting)).toBe(true);
    expect(await settled(whenMapsDrawn())).toBe(true);
  });
});
