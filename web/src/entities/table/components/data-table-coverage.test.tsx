import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type DashboardUnit, tableRows } from '../../../app/dashboard/dashboard-builders';
import { indicatorChoropleth } from '../../../components/map/choropleth';
import { DataTable } from './data-table';

/**
 * Missing is not zero, over areas (issue 15): a province's total over only some of its communes says so in
 * the map's table, "Tổng của 12/15 xã đã báo cáo"; a complete one reads as a plain figure.
 */

const province = (code: string, name: string): DashboardUnit => ({
  code,
  name,
  fullName: `Tỉnh ${name}`,
  level: 'province',
  provinceCode: code,
  labelPoint: [105, 21],
  areaKm2: null,
});

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the map table says how many communes an area total covers', () => {
  it('marks a partial province total and leaves a complete one plain', () => {
    const choropleth = indicatorChoropleth(
      [
        { code: '01', value: 1234, reported: 12, expected: 15 },
        { code: '02', value: 88, reported: 9, expected: 9 },
      ],
      null,
      'quantile',
      3,
    );
    const units = [province('01', 'Hà Nội'), province('02', 'Hà Giang')];
    const rows = tableRows({
      units,
      provinceByCode: new Map(units.map((u) => [u.code, u])),
      statuses: [],
      choropleth,
      isStatus: false,
      indicator: { code: 'x', nameVi: 'Lượt', nameEn: 'Visits', unitVi: 'lượt', unitEn: 'visits' },
      lang: 'vi',
    });
    expect(rows.map((r) => r.coverage)).toEqual([
      { reported: 12, expected: 15 },
      { reported: 9, expected: 9 },
    ]);
    const html = renderToStaticMarkup(
      createElement(DataTable, {
        rows,
        valueHeader: 'Lượt',
        fileName: 'x.csv',
        lang: 'vi',
        onSelect: () => {},
      }),
    );
    const body = text(html.slice(html.indexOf('<tbody')));
    expect(body).toContain('Tỉnh Hà Nội Hà Nội 1.234 Tổng của 12/15 xã đã báo cáo');
    expect(body).toContain('Tỉnh Hà Giang Hà Giang 88');
    expect(body.match(/Tổng của/g)).toHaveLength(1);
  });
});
