import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CoverageNote, missingUnitsText, NAMES_SHOWN } from './coverage-note';

/**
 * Missing is not zero, and says which units are missing (issue 15): a partial area total's note
 * "Tổng của 12/15 xã đã báo cáo" opens into "Chưa báo cáo: Xã A, Xã B, … và 12 xã khác".
 */

const names = (n: number) => Array.from({ length: n }, (_, i) => `Xã Số ${i + 1}`);

const render = (props: Parameters<typeof CoverageNote>[0]) =>
  renderToStaticMarkup(
    createElement(QueryClientProvider, { client: new QueryClient() }, createElement(CoverageNote, props)),
  );

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('which communes did not report, in words', () => {
  it('names every commune when there are few', () => {
    expect(missingUnitsText(['Xã Tân Lập', 'Phường Ba Đình'], 2, 'vi')).toBe(
      'Chưa báo cáo: Xã Tân Lập, Phường Ba Đình',
    );
  });

  it('names the first ones and counts the rest, numbers written 1.234', () => {
    const listed = names(50);
    const said = missingUnitsText(listed, 1234, 'vi');
    expect(said).toBe(
      `Chưa báo cáo: ${listed.slice(0, NAMES_SHOWN).join(', ')}, … và ${(1234 - NAMES_SHOWN).toLocaleString('de-DE')} xã khác`,
    );
    expect(said).not.toContain(listed[NAMES_SHOWN] ?? '?');
  });

  it('says it in English too', () => {
    expect(missingUnitsText(names(12), 12, 'en')).toMatch(/^Not reported: Xã Số 1, .* and 2 more communes$/);
  });
});

describe('the coverage note', () => {
  const missing = { indicator: 'managed_addicts', period: '2026-Q1', parent: '01', at: '2026-03-31' };

  it('is a closed disclosure whose summary is the one formatter’s note: nothing is asked before it opens', () => {
    const html = render({ reported: 12, expected: 15, missing, lang: 'vi' });
    expect(html).toMatch(/^<details[^>]*data-testid="coverage"/);
    expect(text(html)).toBe('Tổng của 12/15 xã đã báo cáo');
    expect(html).not.toContain('missing-units');
  });

  it('is the plain note when it cannot ask (no indicator) or nothing is missing', () => {
    expect(render({ reported: 12, expected: 15, missing: null, lang: 'vi' })).toMatch(/^<small/);
    expect(text(render({ reported: 15, expected: 15, missing, lang: 'vi' }))).toBe(
      'Tổng của 15/15 xã đã báo cáo',
    );
  });
});
