import type { DemoRules } from './evaluate-status';
import type { DemoStatusRuleSet } from './types';

/**
 * The official status rules as data (QĐ 28/2025/QĐ-TTg of 24/8/2025 on drug-trafficking routes, complex
 * drug areas and drug-free areas, as summarised by the press). QĐ 28/2025/QĐ-TTg's loại I criteria are
 * confirmed; loại II bands were reported with low confidence; loại III and "có ma túy"
 * thresholds were not retrieved from the text, so they are placeholders marked `confirmed: false` for an
 * admin to correct (each correction is a new version). The older QĐ 3122/2010/QĐ-BCA basis is kept for
 * periods before QĐ 28 took effect.
 */

const ADDICTS_AND_USERS = {
  type: 'per_resident_pct',
  indicators: ['managed_addicts', 'illegal_users'],
} as const;
const ARRESTS = { type: 'per_resident_pct', indicators: ['drug_arrests'] } as const;
const PLACES = { type: 'value', indicator: 'drug_use_places' } as const;
const CROPS = { type: 'value', indicator: 'drug_crops_destroyed_m2' } as const;

/** A rule set whose rules the demo itself reads (to derive its recognised statuses). */
export type DemoRuleSet = Omit<DemoStatusRuleSet, 'rules'> & { rules: DemoRules };

const UNCONFIRMED = 'Ngưỡng chưa được xác nhận từ văn bản; giá trị tạm để quản trị viên hiệu chỉnh.';

export const QD_28_2025: DemoRuleSet = {
  code: 'qd-28-2025',
  version: 1,
  title: 'Tiêu chí xác định địa bàn trọng điểm phức tạp về ma túy, địa bàn không ma túy',
  legalSource: 'Quyết định 28/2025/QĐ-TTg ngày 24/8/2025 của Thủ tướng Chính phủ',
  validFrom: '2025-08-24',
  validTo: null,
  rules: {
    categories: [
      {
        status: 'trong_diem_I',
        minCriteria: 3,
        criteria: [
          {
            id: 'nghien-i',
            labelVi: 'Người nghiện, người sử dụng trái phép có hồ sơ quản lý ≥ 0,5 % dân số',
            labelEn: 'Addicts and illegal users on record ≥ 0.5 % of residents',
            measure: ADDICTS_AND_USERS,
            op: 'gte',
            threshold: 0.5,
            confirmed: true,
            note: '',
          },
          {
            id: 'tu-diem-i',
            labelVi: '≥ 2 địa điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy',
            labelEn: '≥ 2 places organising or harbouring illegal drug use',
            measure: PLACES,
            op: 'gte',
            threshold: 2,
            confirmed: true,
            note: '',
          },
          {
            id: 'bat-giu-i',
            labelVi: 'Người bị bắt về tội phạm ma túy ≥ 0,1 % dân số',
            labelEn: 'People arrested for drug offences ≥ 0.1 % of residents',
            measure: ARRESTS,
            op: 'gte',
            threshold: 0.1,
            confirmed: true,
            note: '',
          },
          {
            id: 'cay-i',
            labelVi: 'Phát hiện, triệt phá ≥ 750 m² cây có chứa chất ma túy',
            labelEn: '≥ 750 m² of drug crops found and destroyed',
            measure: CROPS,
            op: 'gte',
            threshold: 750,
            confirmed: true,
            note: 'Văn bản còn tính theo số cây (≥ 3.000 cây); dữ liệu chỉ có diện tích.',
          },
          {
            id: 'tuyen-i',
            labelVi: 'Đáp ứng ≥ 2 tiêu chí loại III và nằm trên tuyến ma túy nội tỉnh, liên tỉnh',
            labelEn: 'Meets ≥ 2 loại III criteria and lies on an intra- or inter-provincial drug route',
            measure: { type: 'route_and_criteria', status: 'trong_diem_III' },
            op: 'gte',
            threshold: 2,
            confirmed: true,
            note: 'Chưa có dữ liệu tuyến ma túy: tiêu chí không đo được.',
          },
        ],
      },
      {
        status: 'trong_diem_II',
        minCriteria: 3,
        criteria: [
          {
            id: 'nghien-ii',
            labelVi: 'Người nghiện, người sử dụng trái phép có hồ sơ quản lý ≥ 0,3 % dân số',
            labelEn: 'Addicts and illegal users on record ≥ 0.3 % of residents',
            measure: ADDICTS_AND_USERS,
            op: 'gte',
            threshold: 0.3,
            confirmed: false,
            note: UNCONFIRMED,
          },
          {
            id: 'tu-diem-ii',
            labelVi: '≥ 1 địa điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy',
            labelEn: '≥ 1 place organising or harbouring illegal drug use',
            measure: PLACES,
            op: 'gte',
            threshold: 1,
            confirmed: false,
            note: 'Mức được báo cáo, độ tin cậy thấp.',
          },
          {
            id: 'bat-giu-ii',
            labelVi: 'Người bị bắt về tội phạm ma túy ≥ 0,05 % dân số',
            labelEn: 'People arrested for drug offences ≥ 0.05 % of residents',
            measure: ARRESTS,
            op: 'gte',
            threshold: 0.05,
            confirmed: false,
            note: 'Mức được báo cáo (0,05 % – dưới 0,1 %), độ tin cậy thấp.',
          },
          {
            id: 'cay-ii',
            labelVi: 'Phát hiện, triệt phá ≥ 125 m² cây có chứa chất ma túy',
            labelEn: '≥ 125 m² of drug crops found and destroyed',
            measure: CROPS,
            op: 'gte',
            threshold: 125,
            confirmed: false,
            note: 'Mức được báo cáo (125 – dưới 750 m²), độ tin cậy thấp.',
          },
        ],
      },
      {
        status: 'trong_diem_III',
        minCriteria: 1,
        criteria: [
          {
            id: 'nghien-iii',
            labelVi: 'Người nghiện, người sử dụng trái phép có hồ sơ quản lý ≥ 0,15 % dân số',
            labelEn: 'Addicts and illegal users on record ≥ 0.15 % of residents',
            measure: ADDICTS_AND_USERS,
            op: 'gte',
            threshold: 0.15,
            confirmed: false,
            note: UNCONFIRMED,
          },
          {
            id: 'bat-giu-iii',
            labelVi: 'Người bị bắt về tội phạm ma túy ≥ 0,03 % dân số',
            labelEn: 'People arrested for drug offences ≥ 0.03 % of residents',
            measure: ARRESTS,
            op: 'gte',
            threshold: 0.03,
            confirmed: false,
            note: UNCONFIRMED,
          },
          {
            id: 'cay-iii',
            labelVi: 'Có phát hiện, triệt phá cây có chứa chất ma túy',
            labelEn: 'Any drug crops found and destroyed',
            measure: CROPS,
            op: 'gt',
            threshold: 0,
            confirmed: false,
            note: UNCONFIRMED,
          },
        ],
      },
      {
        status: 'co_ma_tuy',
        minCriteria: 1,
        criteria: [
          {
            id: 'co-nguoi-nghien',
            labelVi: 'Có người nghiện hoặc người sử dụng trái phép chất ma túy có hồ sơ quản lý',
            labelEn: 'Any addict or illegal user on record',
            measure: ADDICTS_AND_USERS,
            op: 'gt',
            threshold: 0,
            confirmed: false,
            note: 'Tiêu chí "địa bàn không ma túy" chưa được trích đầy đủ từ văn bản.',
          },
          {
            id: 'co-bat-giu',
            labelVi: 'Có người bị bắt về tội phạm ma túy',
            labelEn: 'Any arrest for drug offences',
            measure: { type: 'value', indicator: 'drug_arrests' },
            op: 'gt',
            threshold: 0,
            confirmed: false,
            note: UNCONFIRMED,
          },
        ],
      },
    ],
    otherwise: 'khong_ma_tuy',
  },
};

/** QĐ 3122/2010/QĐ-BCA: loại I on any one of three absolute criteria; lower levels were not retrieved. */
export const QD_3122_2010: DemoRuleSet = {
  code: 'qd-3122-2010',
  version: 1,
  title: 'Tiêu chí phân loại xã, phường, thị trấn theo tình hình tệ nạn ma túy',
  legalSource: 'Quyết định 3122/2010/QĐ-BCA của Bộ Công an',
  validFrom: '2010-01-01',
  validTo: '2025-08-24',
  rules: {
    categories: [
      {
        status: 'trong_diem_I',
        minCriteria: 1,
        criteria: [
          {
            id: 'nghien-100',
            labelVi: '≥ 100 người nghiện có hồ sơ quản lý',
            labelEn: '≥ 100 addicts on the managed list',
            measure: { type: 'value', indicator: 'managed_addicts' },
            op: 'gte',
            threshold: 100,
            confirmed: true,
            note: '',
          },
          {
            id: 'tu-diem-5',
            labelVi: '≥ 5 tụ điểm sử dụng trái phép chất ma túy',
            labelEn: '≥ 5 drug-use places',
            measure: PLACES,
            op: 'gte',
            threshold: 5,
            confirmed: true,
            note: '',
          },
          {
            id: 'cay-2000',
            labelVi: '≥ 2.000 m² cây có chứa chất ma túy',
            labelEn: '≥ 2,000 m² of drug crops',
            measure: CROPS,
            op: 'gte',
            threshold: 2000,
            confirmed: true,
            note: '',
          },
        ],
      },
      {
        status: 'co_ma_tuy',
        minCriteria: 1,
        criteria: [
          {
            id: 'co-nguoi-nghien',
            labelVi: 'Có người nghiện có hồ sơ quản lý',
            labelEn: 'Any addict on the managed list',
            measure: { type: 'value', indicator: 'managed_addicts' },
            op: 'gt',
            threshold: 0,
            confirmed: false,
            note: 'Mức loại II, III theo QĐ 3122 chưa được trích; chỉ phân biệt loại I và có ma túy.',
          },
        ],
      },
    ],
    otherwise: 'khong_ma_tuy',
  },
};

export function buildStatusRuleSets(): DemoRuleSet[] {
  return [QD_3122_2010, QD_28_2025];
}
