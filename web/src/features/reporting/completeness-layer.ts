/**
 * The map layer "Tình hình báo cáo": each commune coloured by the state of its report for one form and
 * period, from the completeness API's per-commune rows. Pure: the hook feeds it, the map draws its classes.
 */

export type ReportMapState = 'missing' | 'submitted' | 'late' | 'returned' | 'approved';

/** Legend order: what needs a call first. */
export const REPORT_MAP_ORDER: readonly ReportMapState[] = [
  'missing',
  'late',
  'returned',
  'submitted',
  'approved',
];

/** "Chưa báo cáo" has its own colour (red), never the grey of "no data" (a commune not expected to report). */
export const REPORT_MAP_COLORS: Record<ReportMapState, string> = {
  missing: '#d73027',
  late: '#fdae61',
  returned: '#9e6cc4',
  submitted: '#74add1',
  approved: '#1a9850',
};

export const REPORT_MAP_LABELS: Record<ReportMapState, string> = {
  missing: 'Chưa báo cáo',
  late: 'Nộp muộn',
  returned: 'Trả lại',
  submitted: 'Đã gửi',
  approved: 'Đã duyệt',
};

export interface CompletenessCommuneRow {
  code: string;
  state: 'draft' | 'submitted' | 'returned' | 'approved' | 'reopened' | null;
  received: number;
  onTime: number;
}

/**
 * A commune's colour: approved and returned show as such (a reopened report is back with the commune for a
 * correction, as a returned one); a report sent after the due day is "nộp muộn" until the province decides;
 * nothing sent yet (no report, or a draft) is "chưa báo cáo".
 */
export function reportMapState(r: CompletenessCommuneRow): ReportMapState {
  if (r.state === 'approved') return 'approved';
  if (r.state === 'returned' || r.state === 'reopened') return 'returned';
  if (r.received === 0 || r.state === null || r.state === 'draft') return 'missing';
  return r.onTime === 1 ? 'submitted' : 'late';
}

export interface CompletenessLayer {
  /** Class per commune code, an index into `palette` (-1: not expected to report this form: no data). */
  classes: Map<string, number>;
  palette: readonly string[];
  counts: Record<ReportMapState, number>;
  /** Communes on the map that are not expected to report the form (another province's form). */
  noData: number;
}

export function completenessLayer(
  rows: readonly CompletenessCommuneRow[],
  inView: readonly string[] | null,
): CompletenessLayer {
  const classes = new Map<string, number>();
  const counts = Object.fromEntries(REPORT_MAP_ORDER.map((s) => [s, 0])) as Record<ReportMapState, number>;
  for (const r of rows) {
    const s = reportMapState(r);
    classes.set(r.code, REPORT_MAP_ORDER.indexOf(s));
    counts[s]++;
  }
  let noData = 0;
  for (const code of inView ?? []) {
    if (classes.has(code)) continue;
    classes.set(code, -1);
    noData++;
  }
  return { classes, palette: REPORT_MAP_ORDER.map((s) => REPORT_MAP_COLORS[s]), counts, noData };
}
