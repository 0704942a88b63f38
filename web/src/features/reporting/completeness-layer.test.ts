import { NO_DATA_COLOR } from '@pcmt/domain/palette';
import { describe, expect, it } from 'vitest';
import {
  type CompletenessCommuneRow,
  completenessLayer,
  REPORT_MAP_COLORS,
  REPORT_MAP_ORDER,
  reportMapState,
} from './completeness-layer';

const row = (code: string, p: Partial<CompletenessCommuneRow> = {}): CompletenessCommuneRow => ({
  code,
  state: null,
  received: 0,
  onTime: 0,
  ...p,
});

describe('completeness map layer', () => {
  it('names each commune’s report state', () => {
    expect(reportMapState(row('a'))).toBe('missing');
    expect(reportMapState(row('a', { state: 'draft' }))).toBe('missing');
    expect(reportMapState(row('a', { state: 'submitted', received: 1, onTime: 1 }))).toBe('submitted');
    expect(reportMapState(row('a', { state: 'submitted', received: 1, onTime: 0 }))).toBe('late');
    expect(reportMapState(row('a', { state: 'returned', received: 1, onTime: 1 }))).toBe('returned');
    expect(reportMapState(row('a', { state: 'reopened', received: 1, onTime: 1 }))).toBe('returned');
    expect(reportMapState(row('a', { state: 'approved', received: 1, onTime: 0 }))).toBe('approved');
  });

  it('colours "chưa báo cáo" apart from no data and from every other state', () => {
    const colours = REPORT_MAP_ORDER.map((s) => REPORT_MAP_COLORS[s]);
    expect(new Set(colours).size).toBe(colours.length);
    expect(colours).not.toContain(NO_DATA_COLOR);
  });

  it('classes every expected commune, counts the legend, and leaves unexpected communes as no data', () => {
    const layer = completenessLayer(
      [
        row('00001'),
        row('00002', { state: 'approved', received: 1, onTime: 1 }),
        row('00003', { state: 'submitted', received: 1, onTime: 0 }),
        row('00004', { state: 'submitted', received: 1, onTime: 1 }),
      ],
      ['00001', '00002', '00003', '00004', '00099'],
    );
    const colourOf = (code: string) => layer.palette[layer.classes.get(code) ?? -1];
    expect(colourOf('00001')).toBe(REPORT_MAP_COLORS.missing);
    expect(colourOf('00002')).toBe(REPORT_MAP_COLORS.approved);
    expect(colourOf('00003')).toBe(REPORT_MAP_COLORS.late);
    expect(colourOf('00004')).toBe(REPORT_MAP_COLORS.submitted);
    expect(layer.classes.get('00099')).toBe(-1);
    expect(layer.noData).toBe(1);
    expect(layer.counts).toEqual({ missing: 1, late: 1, returned: 0, submitted: 1, approved: 1 });
  });
});
