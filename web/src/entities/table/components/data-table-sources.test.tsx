import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable } from './data-table';

/**
 * Reading a number back to its source (issue 15): a value in the map's table is a button that opens, on the
 * same page, where the figure came from (entities/indicators/components/value-sources.tsx), not a link away.
 */

describe('the map table’s values open their source in place', () => {
  const render = (values: { indicator: string; period: string; at: string } | null) =>
    renderToStaticMarkup(
      createElement(
        QueryClientProvider,
        { client: new QueryClient() },
        createElement(DataTable, {
          rows: [{ code: '00004', name: 'Phường Ba Đình', province: 'Hà Nội', value: 1234, color: null }],
          valueHeader: 'Người nghiện đang quản lý',
          fileName: 'bang.csv',
          lang: 'vi',
          onSelect: () => {},
          values,
        }),
      ),
    );

  it('with the indicator and period known, the value is a closed button (no link, no request yet)', () => {
    const html = render({ indicator: 'managed_addicts', period: '2026-Q1', at: '2026-03-31' });
    expect(html).toMatch(
      /<button type="button" class="link value-button" aria-expanded="false" title="Xem nguồn của số liệu này" data-testid="value-source-button">1\.234<\/button>/,
    );
    expect(html).not.toContain('value-source-popover');
    expect(html).not.toMatch(/<a [^>]*href/);
  });

  it('without them (statuses) the value is plain text', () => {
    expect(render(null)).not.toContain('value-source-button');
  });
});
