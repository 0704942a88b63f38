import type { DemoIndicator } from './types';

/**
 * The indicator catalogue: 13 stored indicators reported per commune and quarter, and 3 computed
 * indicators whose formulas the server computes from them. Vietnamese names follow the wording of plans and reports.
 */

/** Stored indicators in the order the value model fills them. */
export const STORED_INDICATOR_CODES = [
  'population',
  'managed_addicts',
  'illegal_users',
  'rehab_compulsory',
  'rehab_voluntary_facility',
  'rehab_community',
  'methadone_patients',
  'post_rehab_managed',
  'vocational_support',
  'addicts_reached',
  'drug_arrests',
  'drug_use_places',
  'drug_crops_destroyed_m2',
] as const;

/** Code of an indicator with stored values. */
export type StoredIndicatorCode = (typeof STORED_INDICATOR_CODES)[number];

/** Index of each stored indicator in value vectors. */
export const IX: Readonly<Record<StoredIndicatorCode, number>> = Object.fromEntries(
  STORED_INDICATOR_CODES.map((code, index) => [code, index]),
) as Record<StoredIndicatorCode, number>;

type Stock = 'stock' | 'flow' | 'cumulative';

interface Entry {
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  sensitivity: DemoIndicator['sensitivity'];
  descriptionVi: string;
  kind: Stock | { formula: string };
}

const PEOPLE = { unitVi: 'người', unitEn: 'people' } as const;

const ENTRIES: readonly Entry[] = [
  {
    code: 'population',
    nameVi: 'Dân số',
    nameEn: 'Population',
    ...PEOPLE,
    sensitivity: 'public',
    descriptionVi: 'Số nhân khẩu thường trú trên địa bàn tại cuối kỳ.',
    kind: 'stock',
  },
  {
    code: 'managed_addicts',
    nameVi: 'Người nghiện có hồ sơ quản lý',
    nameEn: 'Drug addicts on the managed list',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi: 'Số người nghiện ma túy có hồ sơ quản lý trên địa bàn tại cuối kỳ.',
    kind: 'stock',
  },
  {
    code: 'illegal_users',
    nameVi: 'Người sử dụng trái phép chất ma túy có hồ sơ quản lý',
    nameEn: 'Illegal drug users on the managed list',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi:
      'Số người sử dụng trái phép chất ma túy (chưa xác định nghiện) có hồ sơ quản lý tại cuối kỳ.',
    kind: 'stock',
  },
  {
    code: 'rehab_compulsory',
    nameVi: 'Cai nghiện bắt buộc',
    nameEn: 'Compulsory rehabilitation',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi: 'Số người được đưa vào cơ sở cai nghiện bắt buộc trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'rehab_voluntary_facility',
    nameVi: 'Cai nghiện tự nguyện tại cơ sở',
    nameEn: 'Voluntary rehabilitation at a facility',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi: 'Số người cai nghiện tự nguyện tại cơ sở cai nghiện trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'rehab_community',
    nameVi: 'Cai nghiện tự nguyện tại gia đình, cộng đồng',
    nameEn: 'Voluntary rehabilitation at home or in the community',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi: 'Số người cai nghiện tự nguyện tại gia đình, cộng đồng trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'methadone_patients',
    nameVi: 'Điều trị methadone (cộng dồn)',
    nameEn: 'Methadone patients (cumulative)',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi:
      'Số người được điều trị nghiện các chất dạng thuốc phiện bằng thuốc thay thế (methadone), cộng dồn từ khi triển khai.',
    kind: 'cumulative',
  },
  {
    code: 'post_rehab_managed',
    nameVi: 'Quản lý sau cai',
    nameEn: 'Managed after rehabilitation',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi: 'Số người đang được quản lý sau cai nghiện tại cuối kỳ.',
    kind: 'stock',
  },
  {
    code: 'vocational_support',
    nameVi: 'Hỗ trợ dạy nghề, việc làm',
    nameEn: 'Vocational training and job support',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi: 'Số người sau cai được hỗ trợ dạy nghề, tạo việc làm trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'addicts_reached',
    nameVi: 'Người nghiện được tư vấn, điều trị, cai nghiện',
    nameEn: 'Addicts counselled, treated or in rehabilitation',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi: 'Số người nghiện có hồ sơ quản lý được tư vấn, điều trị, cai nghiện tại cuối kỳ.',
    kind: 'stock',
  },
  {
    code: 'drug_arrests',
    nameVi: 'Người bị bắt về tội phạm ma túy',
    nameEn: 'People arrested for drug offences',
    ...PEOPLE,
    sensitivity: 'police',
    descriptionVi: 'Số người bị bắt giữ về tội phạm ma túy trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'drug_use_places',
    nameVi: 'Tụ điểm, tổ chức sử dụng trái phép chất ma túy bị phát hiện',
    nameEn: 'Places organising illegal drug use detected',
    unitVi: 'điểm',
    unitEn: 'places',
    sensitivity: 'police',
    descriptionVi:
      'Số tụ điểm, địa điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy bị phát hiện trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'drug_crops_destroyed_m2',
    nameVi: 'Diện tích cây có chứa chất ma túy bị phát hiện, triệt phá',
    nameEn: 'Drug crops found and destroyed',
    unitVi: 'm²',
    unitEn: 'm²',
    sensitivity: 'police',
    descriptionVi:
      'Diện tích cây thuốc phiện, cần sa và cây khác có chứa chất ma túy bị phát hiện, triệt phá trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'addicts_per_1000',
    nameVi: 'Người nghiện trên 1.000 dân',
    nameEn: 'Addicts per 1,000 residents',
    unitVi: 'người/1.000 dân',
    unitEn: 'per 1,000 residents',
    sensitivity: 'internal',
    descriptionVi: 'Số người nghiện có hồ sơ quản lý trên 1.000 dân.',
    kind: { formula: 'managed_addicts / population * 1000' },
  },
  {
    code: 'treatment_reach_pct',
    nameVi: 'Tỷ lệ người nghiện được tư vấn, điều trị, cai nghiện',
    nameEn: 'Share of addicts counselled, treated or in rehabilitation',
    unitVi: '%',
    unitEn: '%',
    sensitivity: 'internal',
    descriptionVi: 'Tỷ lệ phần trăm người nghiện có hồ sơ quản lý được tư vấn, điều trị, cai nghiện.',
    kind: { formula: 'addicts_reached / managed_addicts * 100' },
  },
  {
    code: 'arrests_per_10000',
    nameVi: 'Người bị bắt về tội phạm ma túy trên 10.000 dân',
    nameEn: 'Drug arrests per 10,000 residents',
    unitVi: 'người/10.000 dân',
    unitEn: 'per 10,000 residents',
    sensitivity: 'police',
    descriptionVi: 'Số người bị bắt về tội phạm ma túy trên 10.000 dân.',
    kind: { formula: 'drug_arrests / population * 10000' },
  },
];

/** Display order: population first, then the drug situation, treatment, enforcement, rates. */
const ORDER = [
  'population',
  'managed_addicts',
  'illegal_users',
  'addicts_per_1000',
  'addicts_reached',
  'treatment_reach_pct',
  'rehab_compulsory',
  'rehab_voluntary_facility',
  'rehab_community',
  'methadone_patients',
  'post_rehab_managed',
  'vocational_support',
  'drug_arrests',
  'arrests_per_10000',
  'drug_use_places',
  'drug_crops_destroyed_m2',
];

/** The full catalogue, in display order. */
export function buildIndicators(): DemoIndicator[] {
  return ENTRIES.map((entry): DemoIndicator => {
    const base = {
      code: entry.code,
      nameVi: entry.nameVi,
      nameEn: entry.nameEn,
      unitVi: entry.unitVi,
      unitEn: entry.unitEn,
      sensitivity: entry.sensitivity,
      descriptionVi: entry.descriptionVi,
      sortOrder: (ORDER.indexOf(entry.code) + 1) * 10,
    };
    if (typeof entry.kind === 'object') {
      return {
        ...base,
        areaAggregation: 'rate',
        timeAggregation: 'rate',
        formula: entry.kind.formula,
      };
    }
    return {
      ...base,
      areaAggregation: 'sum',
      timeAggregation: entry.kind === 'flow' ? 'sum' : 'last',
      formula: null,
    };
  }).sort((a, b) => a.sortOrder - b.sortOrder);
}
