import { type DemoPlan, type DemoStatusDecision, type DemoUnit, OLD_UNITS_VALID_FROM } from './types';

/**
 * The seed plans as targets, on the generated units: Đồng Tháp 2023, Kon Tum 2019–2020 (2632/KH-UBND of
 * 10/10/2019), Quảng Bình's project to 2025, Bắc Từ Liêm 2020 (165/KH-BCĐ of 18/3/2020), Sơn La's report of
 * 3/2021 as a view of its figures, the national NQ 163/2024/QH15 and Kết luận 132-KL/TW targets, and a
 * provincial roadmap by year. Document numbers and dates are the seeds' where they give them; a plan whose
 * number the seed does not give says so. Every quantified target of the seeds is present; a target with no
 * measure yet (severity of key communes) is named in the plan's notes. Pre-2025 scopes are old units: their
 * targets keep working after 1/7/2025 through the crosswalk.
 */

const DRUG_STATUSES = ['co_ma_tuy', 'trong_diem_III', 'trong_diem_II', 'trong_diem_I'];
const SYNTHETIC = 'Chỉ tiêu theo văn bản; số liệu theo dõi là dữ liệu giả lập.';
const NO_NUMBER = 'Số hiệu không nêu trong nguồn';

/** A province of the current unit version, by code. */
function currentProvince(units: readonly DemoUnit[], code: string) {
  const unit = units.find((u) => u.level === 'province' && u.validTo === null && u.code === code);
  if (!unit) throw new Error(`demo plans: no current province ${code}`);
  return { level: 'province' as const, code: unit.code, validFrom: unit.validFrom };
}

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
      title:
        'Kế hoạch thực hiện các giải pháp giữ vững xã, phường, thị trấn không có ma túy và kéo giảm xã, phường, thị trấn có ma túy năm 2023 tỉnh Đồng Tháp',
      issuingBody: 'UBND tỉnh Đồng Tháp',
      documentNo: NO_NUMBER,
      issuedOn: '2023-02-27',
      scope: dongThap,
      periodStart: '2023-01-01',
      periodEnd: '2023-12-31',
      notes: `${SYNTHETIC} Ngày ban hành theo ngày đưa tin (Chinhphu.vn, 27/02/2023). "Không để hình thành điểm nóng về ma túy" được theo dõi là không phát sinh điểm, tụ điểm mới trong năm.`,
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
          code: 'khong-hinh-thanh-diem-nong',
          title: 'Không để hình thành điểm nóng về ma túy (không phát sinh điểm, tụ điểm mới trong năm)',
          definition: {
            kind: 'at_most',
            measure: { type: 'new_hotspots' },
            max: 0,
            window: { from: '2023-01-01', eachYear: false },
            eachChild: false,
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
      title:
        'Kế hoạch triển khai thực hiện Dự án "Nâng cao hiệu quả công tác phòng, chống ma túy tại xã, phường, thị trấn" trên địa bàn tỉnh Kon Tum',
      issuingBody: 'UBND tỉnh Kon Tum',
      documentNo: '2632/KH-UBND',
      issuedOn: '2019-10-10',
      scope: oldUnit(units, 'province', (u) => u.code === '62'),
      periodStart: '2019-01-01',
      periodEnd: '2020-12-31',
      notes: `${SYNTHETIC} Kế hoạch so với giai đoạn 2012–2015; dữ liệu giả lập bắt đầu từ 2019 nên mốc so sánh là 2019. Mức độ phức tạp của xã trọng điểm đo bằng tổng trọng số phân loại (loại I = 3, loại II = 2, loại III = 1). "Không để phát sinh trồng cây ở địa bàn mới" được theo dõi bằng số địa bàn mới phát hiện trồng cây có chứa chất ma túy (phải bằng 0 suốt kỳ kế hoạch).`,
      targets: [
        {
          code: 'giam-5-xa-co-ma-tuy',
          title: 'Giảm 5% số xã có tệ nạn ma túy đến hết năm 2020 (so với mốc)',
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
          code: 'giam-xa-co-ma-tuy-tung-nam',
          title: 'Số xã, phường, thị trấn có tệ nạn ma túy giảm theo từng năm',
          definition: {
            kind: 'yearly_change',
            measure: { type: 'status_count', statuses: DRUG_STATUSES },
            limit: 'min_reduction',
            pct: null,
            fromYear: 2020,
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
          title: 'Triệt xóa 5–10% điểm, tụ điểm ma túy mỗi năm',
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
          // The plan counts addicts *and users* on the managed lists: treatment_access_pct's denominator
          // (treatment_reach_pct, addicts only, read 1,3–1,6 × higher).
          title: '80% người nghiện và sử dụng ma túy có hồ sơ quản lý được tiếp cận dịch vụ tư vấn, điều trị',
          definition: {
            kind: 'share',
            indicator: 'treatment_access_pct',
            op: 'gte',
            threshold: 80,
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'nguy-co-cao-100',
          title: '100% người trong nhóm nguy cơ cao được tuyên truyền, giáo dục kỹ năng phòng, tránh ma túy',
          definition: {
            kind: 'share',
            indicator: 'high_risk_reached_pct',
            op: 'gte',
            threshold: 100,
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'moi-huyen-1-mo-hinh',
          title: 'Mỗi huyện, thành phố xây dựng 1 mô hình điểm mỗi năm',
          definition: {
            kind: 'count',
            indicator: 'model_communes_built',
            threshold: 1,
            window: { from: '2019-01-01', eachYear: true },
            eachChild: true,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'giam-muc-do-phuc-tap',
          title: 'Giảm mức độ phức tạp của xã trọng điểm (so với mốc)',
          definition: {
            kind: 'yearly_change',
            measure: { type: 'severity' },
            limit: 'min_reduction',
            pct: null,
            fromYear: 2020,
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: true,
        },
        {
          code: 'triet-pha-cay-100',
          title: '100% diện tích cây có chứa chất ma túy phát hiện được triệt phá',
          definition: {
            kind: 'share',
            indicator: 'crops_destroyed_pct',
            op: 'gte',
            threshold: 100,
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'khong-trong-cay-dia-ban-moi',
          title: 'Không để phát sinh trồng cây có chứa chất ma túy ở địa bàn mới',
          definition: {
            kind: 'at_most',
            measure: { type: 'indicator', indicator: 'new_area_cultivation' },
            max: 0,
            window: { from: '2019-01-01', eachYear: false },
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
      ],
    },
    {
      code: 'quang-binh-2025',
      title:
        'Kế hoạch triển khai thực hiện Dự án "Nâng cao hiệu quả công tác cai nghiện ma túy và phòng ngừa nghiện ma túy đối với nhóm người có nguy cơ cao và người sử dụng trái phép chất ma túy" tỉnh Quảng Bình',
      issuingBody: 'UBND tỉnh Quảng Bình',
      documentNo: NO_NUMBER,
      issuedOn: '2021-06-15',
      scope: oldUnit(units, 'province', (u) => u.code === '44'),
      periodStart: '2021-01-01',
      periodEnd: '2025-12-31',
      notes: `${SYNTHETIC} Ngày ban hành không nêu trong nguồn (TTXVN); ngày ghi là minh họa. Từ khi tỉnh Quảng Bình cũ được sắp xếp, địa bàn được theo dõi qua các xã mới kế thừa (bảng chuyển đổi).`,
      targets: [
        {
          code: 'tu-van-dieu-tri-80',
          title: 'Trên 80% người nghiện có hồ sơ quản lý được tư vấn, sàng lọc, điều trị',
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
        {
          code: 'tap-huan-can-bo-80',
          title: 'Trên 80% cán bộ làm công tác cai nghiện, quản lý sau cai được tập huấn',
          definition: {
            kind: 'share',
            indicator: 'officers_trained_pct',
            op: 'gt',
            threshold: 80,
            eachChild: false,
          },
          deadline: '2025-12-31',
          isPublic: false,
        },
      ],
    },
    {
      code: 'bac-tu-liem-2020',
      title:
        'Kế hoạch triển khai công tác cai nghiện và quản lý sau cai nghiện ma túy trên địa bàn quận Bắc Từ Liêm năm 2020',
      issuingBody: 'UBND quận Bắc Từ Liêm (Ban Chỉ đạo)',
      documentNo: '165/KH-BCĐ',
      issuedOn: '2020-03-18',
      scope: oldUnit(units, 'district', (u) => u.provinceCode === '01' && u.name === 'Bắc Từ Liêm'),
      periodStart: '2020-01-01',
      periodEnd: '2020-12-31',
      notes: `${SYNTHETIC} Số người đưa đi cai nghiện là chỉ tiêu của cả quận: các phường hiển thị phần đóng góp, không đánh giá riêng từng phường.`,
      targets: [
        {
          code: 'tiep-can-90',
          title:
            '90% người nghiện, người sử dụng ma túy trong danh sách quản lý được tiếp cận dịch vụ tư vấn, điều trị, cai nghiện',
          definition: {
            kind: 'share',
            indicator: 'treatment_access_pct',
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
          title: 'Điều trị methadone cho 170 người (lũy tích)',
          definition: {
            kind: 'cumulative',
            indicator: 'methadone_patients',
            threshold: 170,
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'sau-cai-100',
          title: '100% người hoàn thành cai nghiện được quản lý sau cai',
          definition: {
            kind: 'share',
            indicator: 'post_rehab_admitted_pct',
            op: 'gte',
            threshold: 100,
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'ho-tro-viec-lam-70',
          title: '70% người sau cai nghiện được hỗ trợ dạy nghề, việc làm',
          definition: {
            kind: 'share',
            indicator: 'vocational_support_pct',
            op: 'gte',
            threshold: 70,
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'tu-van-hoc-nghe-100',
          title: '100% số người sau cai nghiện ma túy có nhu cầu được tư vấn học nghề và đào tạo nghề',
          definition: {
            kind: 'share',
            indicator: 'vocational_counselled_pct',
            op: 'gte',
            threshold: 100,
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'vay-von-day-nghe-2',
          title: 'Hỗ trợ vay vốn, dạy nghề và tạo việc làm cho 02 người sau cai nghiện',
          definition: {
            kind: 'count',
            indicator: 'vocational_support',
            threshold: 2,
            window: { from: '2020-01-01', eachYear: false },
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'tap-huan-can-bo-100',
          title:
            '100% cán bộ làm công tác cai nghiện ma túy, tình nguyện viên Đội công tác xã hội tình nguyện cơ sở được đào tạo, tập huấn',
          definition: {
            kind: 'share',
            indicator: 'officers_trained_pct',
            op: 'gte',
            threshold: 100,
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
      ],
    },
    {
      code: 'son-la-bao-cao-2021',
      title:
        'Báo cáo kết quả công tác cai nghiện ma túy và quản lý, hỗ trợ người sau cai nghiện tỉnh Sơn La (số liệu đến 3/2021)',
      issuingBody: 'Sở Lao động - Thương binh và Xã hội tỉnh Sơn La',
      documentNo: NO_NUMBER,
      issuedOn: '2021-03-05',
      scope: oldUnit(units, 'province', (u) => u.code === '14'),
      periodStart: '2019-01-01',
      periodEnd: '2020-12-31',
      notes: `Các con số của báo cáo (tin ngày 05/03/2021) làm mốc so sánh với số liệu giả lập 2019–2020: 8.392 người nghiện có hồ sơ quản lý (9/2020); 10.109 lượt điều trị, cai nghiện 2016–11/2020; 3.297 người được quản lý sau cai 2016–2020; 350 học viên được dạy nghề 2016–9/2020; 32 hộ được vay vốn (870 triệu đồng) đến 31/12/2019. Dữ liệu giả lập bắt đầu từ 2019 nên các mốc lũy tích từ 2016 được so với phần 2019–2020 của chúng.`,
      targets: [
        {
          code: 'nguoi-nghien-8392',
          title: '8.392 người nghiện có hồ sơ quản lý (9/2020)',
          definition: { kind: 'cumulative', indicator: 'managed_addicts', threshold: 8392, eachChild: false },
          deadline: '2020-09-30',
          isPublic: false,
        },
        {
          code: 'luot-cai-nghien',
          title:
            'Lượt điều trị, cai nghiện ma túy (báo cáo: 10.109 lượt 2016–11/2020; phần 2019–2020 ≈ 4.000)',
          definition: {
            kind: 'count',
            indicator: 'treatment_episodes',
            threshold: 4000,
            window: { from: '2019-01-01', eachYear: false },
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'day-nghe',
          title: 'Người sau cai được dạy nghề, hỗ trợ việc làm (báo cáo: 350 học viên 2016–9/2020)',
          definition: {
            kind: 'count',
            indicator: 'vocational_support',
            threshold: 140,
            window: { from: '2019-01-01', eachYear: false },
            eachChild: false,
          },
          deadline: '2020-12-31',
          isPublic: false,
        },
        {
          code: 'vay-von-32',
          title: 'Hộ gia đình, người sau cai được vay vốn (báo cáo: 32 hộ đến 31/12/2019)',
          definition: {
            kind: 'count',
            indicator: 'loans_households',
            threshold: 32,
            window: { from: '2019-01-01', eachYear: false },
            eachChild: false,
          },
          deadline: '2019-12-31',
          isPublic: false,
        },
      ],
    },
    {
      code: 'son-la-lo-trinh-2030',
      title:
        'Lộ trình xây dựng xã, phường không ma túy tỉnh Sơn La đến năm 2030 (minh họa theo Kết luận 132-KL/TW)',
      issuingBody: 'Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội tỉnh Sơn La',
      documentNo: NO_NUMBER,
      issuedOn: '2026-01-20',
      scope: currentProvince(units, '14'),
      periodStart: '2026-01-01',
      periodEnd: '2030-12-31',
      notes:
        'Lộ trình minh họa: Kết luận 132-KL/TW yêu cầu mỗi tỉnh đăng ký lộ trình xã không ma túy theo năm đến 2030; mỗi năm được đánh giá theo mốc của năm đó.',
      targets: [
        {
          code: 'lo-trinh-xa-khong-ma-tuy',
          title: 'Tỷ lệ xã, phường không ma túy theo lộ trình: 20% (2026) → 28% → 36% → 44% → 50% (2030)',
          definition: {
            kind: 'roadmap',
            measure: { type: 'status_share', statuses: ['khong_ma_tuy'] },
            milestones: [
              { year: 2026, value: 20 },
              { year: 2027, value: 28 },
              { year: 2028, value: 36 },
              { year: 2029, value: 44 },
              { year: 2030, value: 50 },
            ],
            eachChild: false,
          },
          deadline: '2030-12-31',
          isPublic: true,
        },
      ],
    },
    {
      code: 'quoc-gia-2030',
      title: 'Mục tiêu quốc gia phòng, chống ma túy đến năm 2030',
      issuingBody: 'Quốc hội; Bộ Chính trị',
      documentNo: '163/2024/QH15; 132-KL/TW',
      issuedOn: '2024-11-27',
      scope: null,
      periodStart: '2025-01-01',
      periodEnd: '2030-12-31',
      notes:
        'Nghị quyết 163/2024/QH15 (Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030) và Kết luận 132-KL/TW. Tốc độ tăng số người nghiện dưới 1%/năm được đánh giá từng năm so với năm trước.',
      targets: [
        {
          code: 'tren-20-xa-khong-ma-tuy',
          title: 'Trên 20% xã, phường, đặc khu không ma túy',
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
          title: 'Ít nhất 50% xã, phường, đặc khu không ma túy đến cuối năm 2030',
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
          title: 'Ít nhất 80% người nghiện được tư vấn, điều trị, cai nghiện',
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
          code: 'sau-cai-ho-tro-90',
          title: '90% người sau cai nghiện được hỗ trợ',
          definition: {
            kind: 'share',
            indicator: 'vocational_support_pct',
            op: 'gte',
            threshold: 90,
            eachChild: false,
          },
          deadline: '2030-12-31',
          isPublic: false,
        },
        {
          code: 'tang-nghien-duoi-1',
          title: 'Tốc độ tăng số người nghiện dưới 1%/năm',
          definition: {
            kind: 'yearly_change',
            measure: { type: 'indicator', indicator: 'managed_addicts' },
            limit: 'max_growth',
            pct: 1,
            fromYear: 2025,
            eachChild: false,
          },
          deadline: '2030-12-31',
          isPublic: false,
        },
      ],
    },
  ];
}
