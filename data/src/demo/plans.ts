import { type DemoPlan, type DemoStatusDecision, type DemoUnit, OLD_UNITS_VALID_FROM } from './types';

/**
 * The seed plans as targets, on the generated units: Đồng Tháp 2023, Kon Tum 2019–2020, Quảng Bình to
 * 2025, Bắc Từ Liêm 2020, and the national NQ 163/2024/QH15 and Kết luận 132-KL/TW. Targets and deadlines
 * follow the plans; document numbers are illustrative. Where a plan's target has no indicator in the data
 * (officers trained, crops detected, model communes built, post-rehab support) it is left out and the
 * plan's notes say so. Pre-2025 scopes are old units: their targets keep working after 1/7/2025 through the crosswalk.
 */

const DRUG_STATUSES = ['co_ma_tuy', 'trong_diem_III', 'trong_diem_II', 'trong_diem_I'];
const ILLUSTRATIVE = 'Số hiệu văn bản minh họa; chỉ tiêu theo kế hoạch, số liệu theo dõi là dữ liệu giả lập.';

/** A scope on the old units, found by code (provinces) or by name within a province (districts have synthetic codes). */
function oldUnit(
  units: readonly DemoUnit[],
  level: 'province' | 'district',
  match: (u: DemoUnit) => boolean,
) {
  const unit = units.find((u) => u.level === level && u.validFrom === OLD_UNITS_VALID_FROM && match(u));
  if (!unit) throw new Error(`demo plans: no old ${level} matching the seed plan`);
  return { level, code: unit.code, validFrom: unit.validFrom };
}

/**
 * The communes of an old province recognised drug-free on a date, at most `limit`, by code: the named set
 * a "keep the 27 recognised drug-free communes" target lists. Empty when the statuses of that province
 * were not generated (a test subset).
 */
function recognisedDrugFree(
  units: readonly DemoUnit[],
  decisions: readonly DemoStatusDecision[],
  provinceCode: string,
  on: string,
  limit: number,
): string[] {
  const inProvince = new Set(
    units
      .filter(
        (u) =>
          u.level === 'commune' && u.validFrom === OLD_UNITS_VALID_FROM && u.provinceCode === provinceCode,
      )
      .map((u) => u.code),
  );
  const latest = new Map<string, DemoStatusDecision>();
  for (const d of decisions) {
    if (d.unitValidFrom !== OLD_UNITS_VALID_FROM || !inProvince.has(d.unitCode) || d.effectiveDate > on)
      continue;
    const before = latest.get(d.unitCode);
    if (!before || before.effectiveDate < d.effectiveDate) latest.set(d.unitCode, d);
  }
  return [...latest.values()]
    .filter((d) => d.status === 'khong_ma_tuy')
    .map((d) => d.unitCode)
    .sort()
    .slice(0, limit);
}

export function buildDemoPlans(
  units: readonly DemoUnit[],
  decisions: readonly DemoStatusDecision[],
): DemoPlan[] {
  const dongThap = oldUnit(units, 'province', (u) => u.code === '87');
  const kept = recognisedDrugFree(units, decisions, '87', '2023-01-15', 27);
  const keepUnits =
    kept.length > 0
      ? { type: 'codes', codes: kept, validOn: '2023-01-15' }
      : { type: 'status_on', date: '2023-01-15', statuses: ['khong_ma_tuy'] };
  return [
    {
      code: 'dong-thap-2023',
      title: 'Kế hoạch phòng, chống ma túy năm 2023 tỉnh Đồng Tháp',
      issuingBody: 'UBND tỉnh Đồng Tháp',
      documentNo: '45/KH-UBND',
      issuedOn: '2023-02-20',
      scope: dongThap,
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
      notes: ILLUSTRATIVE,
      targets: [
        {
          code: 'moi-huyen-chuyen-1-xa',
          title: 'Mỗi huyện, thành phố chuyển hóa ít nhất 1 xã từ có ma túy thành không ma túy',
          definition: {
            kind: 'status_conversion',
            from: DRUG_STATUSES,
            to: ['khong_ma_tuy'],
            threshold: 1,
            window: { from: '2023-01-01', eachYear: false },
            eachChild: true,
          },
          deadline: '2023-12-31',
          isPublic: true,
        },
        {
          code: 'giu-vung-xa-khong-ma-tuy',
          title: `Giữ vững ${kept.length > 0 ? kept.length : 27} xã đã được công nhận không ma túy`,
          definition: { kind: 'keep_status', units: keepUnits, statuses: ['khong_ma_tuy'], eachChild: false },
          deadline: '2023-12-31',
          isPublic: true,
        },
      ],
    },
    {
      code: 'kon-tum-2019-2020',
      title: 'Kế hoạch phòng, chống ma túy giai đoạn 2019–2020 tỉnh Kon Tum',
      issuingBody: 'UBND tỉnh Kon Tum',
      documentNo: '312/KH-UBND',
      issuedOn: '2019-02-12',
      scope: oldUnit(units, 'province', (u) => u.code === '62'),
      periodStart: '2019-01-01',
      periodEnd: '2020-12-31',
      notes: `${ILLUSTRATIVE} Kế hoạch so với bình quân 2012–2015; dữ liệu bắt đầu từ 2019 nên mốc so sánh là 2019. Chưa theo dõi: 100 % người có nguy cơ được tuyên truyền, mỗi huyện xây dựng 1 xã điểm/năm, 100 % diện tích trồng cây có chứa chất ma túy phát hiện được triệt phá (chưa có chỉ số).`,
      targets: [
        {
          code: 'giam-5-xa-co-ma-tuy',
          title: 'Giảm 5 % số xã có ma túy đến năm 2020',
          definition: {
            kind: 'reduction',
            measure: { type: 'status_count', statuses: DRUG_STATUSES },
            baseline: { from: '2019', to: '2019' },
            minPct: 5,
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: true,
        },
        {
          code: 'khong-phat-sinh',
          title: 'Không để phát sinh ma túy tại các xã không có ma túy',
          definition: {
            kind: 'keep_status',
            units: { type: 'status_on', date: '2019-01-15', statuses: ['khong_ma_tuy'] },
            statuses: ['khong_ma_tuy'],
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'triet-xoa-5-10',
          title: 'Triệt xóa 5–10 % điểm, tụ điểm ma túy mỗi năm',
          definition: {
            kind: 'hotspot_elimination',
            minPct: 5,
            maxPct: 10,
            window: { from: '2019-01-01', eachYear: true },
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'tiep-can-80',
          title: '80 % người nghiện có hồ sơ quản lý được tiếp cận dịch vụ tư vấn, điều trị',
          definition: {
            kind: 'share',
            indicator: 'treatment_reach_pct',
            op: 'gte',
            threshold: 80,
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
      ],
    },
    {
      code: 'quang-binh-2025',
      title: 'Kế hoạch thực hiện Chiến lược quốc gia phòng, chống ma túy đến năm 2025 tỉnh Quảng Bình',
      issuingBody: 'UBND tỉnh Quảng Bình',
      documentNo: '1187/KH-UBND',
      issuedOn: '2021-06-15',
      scope: oldUnit(units, 'province', (u) => u.code === '44'),
      periodStart: '2021-01-01',
      periodEnd: '2025-12-31',
      notes: `${ILLUSTRATIVE} Từ 1/7/2025 tỉnh Quảng Bình cũ được theo dõi qua các xã mới kế thừa (bảng chuyển đổi). Chưa theo dõi: trên 80 % cán bộ cơ sở được tập huấn (chưa có chỉ số).`,
      targets: [
        {
          code: 'tu-van-dieu-tri-80',
          title: 'Trên 80 % người nghiện có hồ sơ quản lý được tư vấn, sàng lọc, điều trị',
          definition: {
            kind: 'share',
            indicator: 'treatment_reach_pct',
            op: 'gt',
            threshold: 80,
            eachChild: false,
          },
          deadline: '2025-12-31',
          isPublic: true,
        },
      ],
    },
    {
      code: 'bac-tu-liem-2020',
      title: 'Kế hoạch công tác cai nghiện và quản lý sau cai năm 2020 quận Bắc Từ Liêm',
      issuingBody: 'UBND quận Bắc Từ Liêm',
      documentNo: '96/KH-UBND',
      issuedOn: '2020-01-20',
      scope: oldUnit(units, 'district', (u) => u.provinceCode === '01' && u.name === 'Bắc Từ Liêm'),
      periodStart: '2020-01-01',
      periodEnd: '2020-12-31',
      notes: `${ILLUSTRATIVE} Chưa theo dõi: 100 % người sau cai được quản lý, 70 % được hỗ trợ việc làm, dạy nghề (chưa có chỉ số tỷ lệ).`,
      targets: [
        {
          code: 'tiep-can-90',
          title: '90 % người nghiện được tiếp cận dịch vụ điều trị, cai nghiện',
          definition: {
            kind: 'share',
            indicator: 'treatment_reach_pct',
            op: 'gte',
            threshold: 90,
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'cai-bat-buoc-33',
          title: 'Đưa 33 người vào cai nghiện bắt buộc',
          definition: {
            kind: 'count',
            indicator: 'rehab_compulsory',
            threshold: 33,
            window: { from: '2020-01-01', eachYear: false },
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'cai-cong-dong-22',
          title: '22 người cai nghiện tại gia đình, cộng đồng',
          definition: {
            kind: 'count',
            indicator: 'rehab_community',
            threshold: 22,
            window: { from: '2020-01-01', eachYear: false },
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'cai-tu-nguyen-62',
          title: '62 người cai nghiện tự nguyện tại cơ sở',
          definition: {
            kind: 'count',
            indicator: 'rehab_voluntary_facility',
            threshold: 62,
            window: { from: '2020-01-01', eachYear: false },
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'methadone-170',
          title: 'Điều trị methadone cho 170 người (cộng dồn)',
          definition: {
            kind: 'cumulative',
            indicator: 'methadone_patients',
            threshold: 170,
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
      ],
    },
    {
      code: 'quoc-gia-2030',
      title: 'Mục tiêu quốc gia phòng, chống ma túy đến năm 2030',
      issuingBody: 'Quốc hội; Bộ Chính trị',
      documentNo: 'NQ 163/2024/QH15; KL 132-KL/TW',
      issuedOn: '2024-11-27',
      scope: null,
      periodStart: '2025-01-01',
      periodEnd: '2030-12-31',
      notes:
        'Nghị quyết 163/2024/QH15 (Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030) và Kết luận 132-KL/TW. Tốc độ tăng người nghiện dưới 1 %/năm được theo dõi là mức tăng không quá 6,2 % so với năm 2024 đến 2030.',
      targets: [
        {
          code: 'tren-20-xa-khong-ma-tuy',
          title: 'Trên 20 % xã, phường, đặc khu không ma túy',
          definition: {
            kind: 'status_share',
            statuses: ['khong_ma_tuy'],
            op: 'gt',
            threshold: 20,
            eachChild: false,
          },
          deadline: '2030-12-31',
          isPublic: true,
        },
        {
          code: 'it-nhat-50-xa-khong-ma-tuy',
          title: 'Ít nhất 50 % xã, phường, đặc khu không ma túy đến cuối năm 2030',
          definition: {
            kind: 'status_share',
            statuses: ['khong_ma_tuy'],
            op: 'gte',
            threshold: 50,
            eachChild: false,
          },
          deadline: '2030-12-31',
          isPublic: true,
        },
        {
          code: 'tu-van-80',
          title: 'Ít nhất 80 % người nghiện được tư vấn, điều trị, cai nghiện',
          definition: {
            kind: 'share',
            indicator: 'treatment_reach_pct',
            op: 'gte',
            threshold: 80,
            eachChild: false,
          },
          deadline: '2030-12-31',
          isPublic: true,
        },
        {
          code: 'tang-nghien-duoi-1',
          title: 'Tốc độ tăng số người nghiện dưới 1 %/năm',
          definition: {
            kind: 'reduction',
            measure: { type: 'indicator', indicator: 'managed_addicts' },
            baseline: { from: '2024', to: '2024' },
            minPct: -6.2,
            eachChild: false,
          },
          deadline: '2030-12-31',
          isPublic: false,
        },
      ],
    },
  ];
}
