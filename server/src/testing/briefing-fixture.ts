import { type Briefing, BriefingViewSpec, type ViewSnapshot } from '@pcmt/domain/contracts/briefings';

/**
 * A briefing around given snapshots, as the PDF and its geometry see one: each view's spec says only what
 * the snapshot shows (its area and period, statuses), the rest are the contract's defaults.
 */
export function briefingOf(snapshots: readonly ViewSnapshot[], title = 'Bản tin thử nghiệm'): Briefing {
  return {
    id: 'test',
    title,
    confidential: false,
    createdAt: '2025-10-12T02:30:00.000Z',
    createdBy: 'admin',
    viewCount: snapshots.length,
    provinces: [],
    views: snapshots.map((snapshot, i) => ({
      spec: BriefingViewSpec.parse({
        title: snapshot.parentName ?? `Khung ${i + 1}`,
        province: snapshot.parent,
        period: snapshot.period,
        indicator: snapshot.indicator?.code ?? 'status',
      }),
      snapshot,
    })),
  };
}
