import type { DemoIndicator } from './types';

/**
 * The demo's indicator catalogue: stored indicators reported per commune and quarter, and computed
 * indicators whose formulas the server computes from them. It covers every figure of the five seed plans
 * that is a number about people, places, communes, money or activities (officers trained, communes running
 * the community model, model communes built, high-risk people reached, crops detected and destroyed, loans,
 * people reintegrated, people in a facility now, treatment episodes by order, shares among eligible cases).
 * Vietnamese names follow the wording of plans and reports.
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
  'officers_total',
  'officers_trained',
  'community_model',
  'model_communes_built',
  'high_risk_people',
  'high_risk_reached',
  'drug_crops_detected_m2',
  'loans_households',
  'loans_vnd',
  'reintegrated',
  'in_facility',
  'rehab_completed',
  'post_rehab_admitted',
  'treatment_episodes',
  'treatment_episodes__order_first',
  'treatment_episodes__order_second',
  'treatment_episodes__order_third_plus',
  'training_classes',
  'rehab_term_reduced',
  'facility_health_checks',
  'loans_recovered_vnd',
  'loans_outstanding_vnd',
  'managed_addicts__drug_heroin',
  'managed_addicts__drug_ats',
  'managed_addicts__drug_opium',
  'managed_addicts__route_inhale',
  'managed_addicts__route_inject',
  'managed_addicts__route_smoke_other',
  'vocational_counselling_needed',
  'vocational_counselled',
  'new_area_cultivation',
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
  /** Level the figure is reported at; every demo indicator is reported per commune. */
  reportingLevel?: DemoIndicator['reportingLevel'];
  disaggregations?: DemoIndicator['disaggregations'];
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
    descriptionVi:
      'Số người nghiện ma túy có hồ sơ quản lý trên địa bàn tại cuối kỳ, theo loại ma túy và hình thức sử dụng.',
    kind: 'stock',
    disaggregations: [
      {
        code: 'drug',
        nameVi: 'Loại ma túy sử dụng',
        parts: [
          { code: 'heroin', nameVi: 'Heroin' },
          { code: 'ats', nameVi: 'Ma túy tổng hợp' },
          { code: 'opium', nameVi: 'Thuốc phiện' },
        ],
      },
      {
        code: 'route',
        nameVi: 'Hình thức sử dụng',
        parts: [
          { code: 'inhale', nameVi: 'Hít' },
          { code: 'inject', nameVi: 'Tiêm chích' },
          { code: 'smoke_other', nameVi: 'Hút và hình thức khác' },
        ],
      },
    ],
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
    nameVi: 'Điều trị methadone (lũy tích)',
    nameEn: 'Methadone patients (cumulative)',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi:
      'Số người được điều trị nghiện các chất dạng thuốc phiện bằng thuốc thay thế (methadone), lũy tích từ khi triển khai.',
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
  {
    code: 'officers_total',
    nameVi: 'Cán bộ làm công tác phòng, chống ma túy, cai nghiện',
    nameEn: 'Officers working on drug prevention and rehabilitation',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi:
      'Số cán bộ cấp xã làm công tác phòng, chống ma túy, cai nghiện và quản lý sau cai tại cuối kỳ.',
    kind: 'stock',
  },
  {
    code: 'officers_trained',
    nameVi: 'Cán bộ được tập huấn',
    nameEn: 'Officers trained',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi:
      'Số cán bộ cấp xã được tập huấn kiến thức, kỹ năng quản lý, giúp đỡ người nghiện trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'community_model',
    nameVi: 'Xã duy trì mô hình quản lý, giáo dục, giúp đỡ người nghiện tại cộng đồng',
    nameEn: 'Communes running the community model for addicts',
    unitVi: 'xã',
    unitEn: 'communes',
    sensitivity: 'public',
    descriptionVi:
      'Xã, phường duy trì mô hình "Quản lý, giáo dục, giúp đỡ người nghiện ma túy tại cộng đồng" tại cuối kỳ (1 = có).',
    kind: 'stock',
  },
  {
    code: 'model_communes_built',
    nameVi: 'Mô hình điểm về phòng, chống ma túy được xây dựng',
    nameEn: 'Model drug-prevention communes built',
    unitVi: 'xã',
    unitEn: 'communes',
    sensitivity: 'public',
    descriptionVi: 'Xã xây dựng được mô hình điểm về phòng, chống ma túy trong kỳ (1 = có).',
    kind: 'flow',
  },
  {
    code: 'high_risk_people',
    nameVi: 'Người trong nhóm nguy cơ cao',
    nameEn: 'People at high risk of drug use',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi: 'Số người trong nhóm nguy cơ cao mắc tệ nạn ma túy trên địa bàn tại cuối kỳ.',
    kind: 'stock',
  },
  {
    code: 'high_risk_reached',
    nameVi: 'Người nguy cơ cao được tuyên truyền, giáo dục',
    nameEn: 'High-risk people reached by education',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi:
      'Số người trong nhóm nguy cơ cao đã được tuyên truyền, giáo dục kỹ năng phòng, tránh ma túy tại cuối kỳ.',
    kind: 'stock',
  },
  {
    code: 'drug_crops_detected_m2',
    nameVi: 'Diện tích cây có chứa chất ma túy trồng trái phép được phát hiện',
    nameEn: 'Drug crops detected',
    unitVi: 'm²',
    unitEn: 'm²',
    sensitivity: 'police',
    descriptionVi: 'Diện tích cây có chứa chất ma túy trồng trái phép được phát hiện trong kỳ.',
    kind: 'flow',
  },
  {
    // Kon Tum 2019–2020: "không để phát sinh trồng cây có chứa chất ma túy ở địa bàn mới".
    code: 'new_area_cultivation',
    nameVi: 'Số địa bàn mới phát hiện trồng cây có chứa chất ma túy',
    nameEn: 'New areas where drug crops were found',
    unitVi: 'địa bàn',
    unitEn: 'areas',
    sensitivity: 'police',
    descriptionVi:
      'Số địa bàn (thôn, bản, khu vực) lần đầu phát hiện trồng cây có chứa chất ma túy trong kỳ, nơi trước đó chưa phát hiện.',
    kind: 'flow',
  },
  {
    code: 'loans_households',
    nameVi: 'Hộ gia đình, người sau cai được vay vốn',
    nameEn: 'Households given loans after rehabilitation',
    unitVi: 'hộ',
    unitEn: 'households',
    sensitivity: 'internal',
    descriptionVi: 'Số hộ gia đình và cá nhân người sau cai nghiện được vay vốn trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'loans_vnd',
    nameVi: 'Vốn vay giải ngân cho người sau cai',
    nameEn: 'Loans disbursed after rehabilitation',
    unitVi: 'đồng',
    unitEn: 'VND',
    sensitivity: 'internal',
    descriptionVi: 'Số tiền cho hộ gia đình và cá nhân người sau cai nghiện vay trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'reintegrated',
    nameVi: 'Người được hỗ trợ tái hòa nhập cộng đồng',
    nameEn: 'People supported to reintegrate',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi: 'Số người cai nghiện được hỗ trợ tái hòa nhập cộng đồng trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'in_facility',
    nameVi: 'Người đang điều trị tại cơ sở cai nghiện',
    nameEn: 'People in a rehabilitation facility now',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi: 'Số người của địa bàn đang được quản lý, điều trị tại cơ sở cai nghiện tại cuối kỳ.',
    kind: 'stock',
  },
  {
    code: 'rehab_completed',
    nameVi: 'Người hoàn thành cai nghiện',
    nameEn: 'People who completed rehabilitation',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi: 'Số người hoàn thành cai nghiện ma túy (mọi hình thức) trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'post_rehab_admitted',
    nameVi: 'Người được đưa vào quản lý sau cai',
    nameEn: 'People taken into post-rehabilitation management',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi: 'Số người hoàn thành cai nghiện được đưa vào quản lý sau cai trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'treatment_episodes',
    nameVi: 'Lượt điều trị, cai nghiện',
    nameEn: 'Treatment and rehabilitation episodes',
    unitVi: 'lượt',
    unitEn: 'episodes',
    sensitivity: 'internal',
    descriptionVi: 'Số lượt người nghiện được điều trị, cai nghiện ma túy trong kỳ, theo lần cai nghiện.',
    kind: 'flow',
    disaggregations: [
      {
        code: 'order',
        nameVi: 'Lần cai nghiện',
        parts: [
          { code: 'first', nameVi: 'Lần 1' },
          { code: 'second', nameVi: 'Lần 2' },
          { code: 'third_plus', nameVi: 'Từ lần 3' },
        ],
      },
    ],
  },
  {
    code: 'managed_people',
    nameVi: 'Người nghiện và người sử dụng trái phép chất ma túy có hồ sơ quản lý',
    nameEn: 'Addicts and illegal users on the managed list',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi: 'Tổng số người nghiện và người sử dụng trái phép chất ma túy có hồ sơ quản lý.',
    kind: { formula: 'managed_addicts + illegal_users' },
  },
  {
    code: 'treatment_access_pct',
    nameVi: 'Tỷ lệ người có hồ sơ quản lý được tiếp cận dịch vụ tư vấn, điều trị, cai nghiện',
    nameEn: 'Share of managed people reaching counselling, treatment or rehabilitation',
    unitVi: '%',
    unitEn: '%',
    sensitivity: 'internal',
    descriptionVi:
      'Tỷ lệ người nghiện và người sử dụng ma túy có hồ sơ quản lý được tiếp cận các dịch vụ tư vấn, điều trị, cai nghiện.',
    kind: { formula: 'addicts_reached / (managed_addicts + illegal_users) * 100' },
  },
  {
    code: 'officers_trained_pct',
    nameVi: 'Tỷ lệ cán bộ được tập huấn',
    nameEn: 'Share of officers trained',
    unitVi: '%',
    unitEn: '%',
    sensitivity: 'internal',
    descriptionVi:
      'Số cán bộ được tập huấn trong kỳ trên số cán bộ làm công tác phòng, chống ma túy, cai nghiện.',
    kind: { formula: 'officers_trained / officers_total * 100' },
  },
  {
    code: 'high_risk_reached_pct',
    nameVi: 'Tỷ lệ người nguy cơ cao được tuyên truyền, giáo dục',
    nameEn: 'Share of high-risk people reached by education',
    unitVi: '%',
    unitEn: '%',
    sensitivity: 'internal',
    descriptionVi:
      'Tỷ lệ người trong nhóm nguy cơ cao đã được tuyên truyền, giáo dục kỹ năng phòng, tránh ma túy.',
    kind: { formula: 'high_risk_reached / high_risk_people * 100' },
  },
  {
    code: 'crops_destroyed_pct',
    nameVi: 'Tỷ lệ diện tích cây có chứa chất ma túy được phát hiện bị triệt phá',
    nameEn: 'Share of detected drug crops destroyed',
    unitVi: '%',
    unitEn: '%',
    sensitivity: 'police',
    descriptionVi:
      'Diện tích bị triệt phá trên diện tích cây có chứa chất ma túy trồng trái phép được phát hiện.',
    kind: { formula: 'drug_crops_destroyed_m2 / drug_crops_detected_m2 * 100' },
  },
  {
    code: 'post_rehab_admitted_pct',
    nameVi: 'Tỷ lệ người hoàn thành cai nghiện được quản lý sau cai',
    nameEn: 'Share of people completing rehabilitation taken into post-rehab management',
    unitVi: '%',
    unitEn: '%',
    sensitivity: 'internal',
    descriptionVi:
      'Tỷ lệ trong số người hoàn thành cai nghiện (đối tượng thuộc diện) được đưa vào quản lý sau cai.',
    kind: { formula: 'post_rehab_admitted / rehab_completed * 100' },
  },
  {
    code: 'vocational_support_pct',
    nameVi: 'Tỷ lệ người sau cai được hỗ trợ học nghề, việc làm',
    nameEn: 'Share of post-rehab people given vocational or job support',
    unitVi: '%',
    unitEn: '%',
    sensitivity: 'internal',
    descriptionVi:
      'Số người sau cai được hỗ trợ học nghề, tạo việc làm trong kỳ trên số người đang quản lý sau cai.',
    kind: { formula: 'vocational_support / post_rehab_managed * 100' },
  },
  {
    code: 'facility_admissions',
    nameVi: 'Người vào cơ sở cai nghiện',
    nameEn: 'Admissions to rehabilitation facilities',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi: 'Số người được tiếp nhận vào cơ sở cai nghiện (bắt buộc và tự nguyện) trong kỳ.',
    kind: { formula: 'rehab_compulsory + rehab_voluntary_facility' },
  },
];

/*
 * Figures of the seed plans added as indicators of their own: training classes held (Đồng Tháp, 11 classes
 * 2022–2/2023), compulsory-rehab terms reduced and health checks at a facility (Quảng Bình 2023: 12 people,
 * 44 checks), loans recovered and outstanding (Sơn La 31/12/2019: 725 and 145 million đồng), people after
 * rehab needing vocational counselling and counselled (Bắc Từ Liêm 2020: 100 % of those in need).
 *
 * Left out on purpose: the traits of the 1,602 people surveyed in Sơn La's treatment facilities (86 % with no
 * stable job, 78.5 % schooling below upper secondary). They describe individuals in one survey, not a figure a
 * commune reports per quarter; as commune indicators they would invent a per-commune count nobody collects and
 * whose sum over a province would not be the survey's sample. They belong to a survey record (sample size,
 * date, facility), which the catalogue does not model. Drug type and route of use, from the same survey, are
 * kept as breakdowns of managed addicts because reports do count addicts that way.
 */
const SEED_ENTRIES: readonly Entry[] = [
  {
    code: 'training_classes',
    nameVi: 'Lớp tập huấn cho cán bộ làm công tác phòng, chống ma túy',
    nameEn: 'Training classes held for drug-prevention officers',
    unitVi: 'lớp',
    unitEn: 'classes',
    sensitivity: 'internal',
    descriptionVi:
      'Số lớp tập huấn kiến thức, kỹ năng, chuyên môn nghiệp vụ cho cán bộ cấp xã tham gia quản lý, giúp đỡ người nghiện, tổ chức trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'rehab_term_reduced',
    nameVi: 'Người cai nghiện bắt buộc được xét giảm thời hạn',
    nameEn: 'Compulsory-rehabilitation terms reduced',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi: 'Số người cai nghiện bắt buộc được xét giảm thời hạn chấp hành quyết định trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'facility_health_checks',
    nameVi: 'Lượt khám sức khỏe cho người cai nghiện tại cơ sở',
    nameEn: 'Health checks for people in rehabilitation facilities',
    unitVi: 'lượt',
    unitEn: 'checks',
    sensitivity: 'internal',
    descriptionVi: 'Số lượt khám sức khỏe cho người đang cai nghiện tại cơ sở cai nghiện trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'loans_recovered_vnd',
    nameVi: 'Vốn vay của người sau cai đã thu hồi',
    nameEn: 'Post-rehabilitation loans recovered',
    unitVi: 'đồng',
    unitEn: 'VND',
    sensitivity: 'internal',
    descriptionVi: 'Số tiền vốn vay của hộ gia đình và cá nhân người sau cai nghiện được thu hồi trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'loans_outstanding_vnd',
    nameVi: 'Dư nợ vốn vay của người sau cai',
    nameEn: 'Post-rehabilitation loans outstanding',
    unitVi: 'đồng',
    unitEn: 'VND',
    sensitivity: 'internal',
    descriptionVi: 'Số tiền vốn vay của hộ gia đình và cá nhân người sau cai nghiện còn dư nợ tại cuối kỳ.',
    kind: 'stock',
  },
  {
    code: 'vocational_counselling_needed',
    nameVi: 'Người sau cai có nhu cầu tư vấn học nghề',
    nameEn: 'Post-rehabilitation people needing vocational counselling',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi: 'Số người sau cai nghiện ma túy có nhu cầu được tư vấn học nghề, đào tạo nghề trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'vocational_counselled',
    nameVi: 'Người sau cai được tư vấn học nghề',
    nameEn: 'Post-rehabilitation people given vocational counselling',
    ...PEOPLE,
    sensitivity: 'internal',
    descriptionVi:
      'Số người sau cai nghiện ma túy có nhu cầu đã được tư vấn học nghề, đào tạo nghề trong kỳ.',
    kind: 'flow',
  },
  {
    code: 'vocational_counselled_pct',
    nameVi: 'Tỷ lệ người sau cai có nhu cầu được tư vấn học nghề',
    nameEn: 'Share of post-rehabilitation people in need given vocational counselling',
    unitVi: '%',
    unitEn: '%',
    sensitivity: 'internal',
    descriptionVi: 'Tỷ lệ người sau cai nghiện có nhu cầu được tư vấn học nghề, đào tạo nghề.',
    kind: { formula: 'vocational_counselled / vocational_counselling_needed * 100' },
  },
];

const ALL_ENTRIES: readonly Entry[] = [...ENTRIES, ...SEED_ENTRIES];

/** Display order: population first, then the drug situation, treatment, enforcement, rates. */
const ORDER = [
  'population',
  'managed_addicts',
  'managed_addicts__drug_heroin',
  'managed_addicts__drug_ats',
  'managed_addicts__drug_opium',
  'managed_addicts__route_inhale',
  'managed_addicts__route_inject',
  'managed_addicts__route_smoke_other',
  'illegal_users',
  'managed_people',
  'addicts_per_1000',
  'addicts_reached',
  'treatment_reach_pct',
  'treatment_access_pct',
  'high_risk_people',
  'high_risk_reached',
  'high_risk_reached_pct',
  'rehab_compulsory',
  'rehab_voluntary_facility',
  'rehab_community',
  'facility_admissions',
  'in_facility',
  'rehab_term_reduced',
  'facility_health_checks',
  'treatment_episodes',
  'treatment_episodes__order_first',
  'treatment_episodes__order_second',
  'treatment_episodes__order_third_plus',
  'methadone_patients',
  'rehab_completed',
  'post_rehab_admitted',
  'post_rehab_admitted_pct',
  'post_rehab_managed',
  'reintegrated',
  'vocational_support',
  'vocational_support_pct',
  'vocational_counselling_needed',
  'vocational_counselled',
  'vocational_counselled_pct',
  'loans_households',
  'loans_vnd',
  'loans_recovered_vnd',
  'loans_outstanding_vnd',
  'community_model',
  'model_communes_built',
  'officers_total',
  'officers_trained',
  'officers_trained_pct',
  'training_classes',
  'drug_arrests',
  'arrests_per_10000',
  'drug_use_places',
  'drug_crops_detected_m2',
  'drug_crops_destroyed_m2',
  'crops_destroyed_pct',
  'new_area_cultivation',
];

/** Each part of a breakdown is a stored indicator of its own (`treatment_episodes__order_first`). */
function partEntries(): Entry[] {
  return ALL_ENTRIES.flatMap((entry) =>
    (entry.disaggregations ?? []).flatMap((d) =>
      d.parts.map(
        (part): Entry => ({
          code: `${entry.code}__${d.code}_${part.code}`,
          nameVi: `${entry.nameVi}: ${part.nameVi}`,
          nameEn: `${entry.nameEn}: ${part.code}`,
          unitVi: entry.unitVi,
          unitEn: entry.unitEn,
          sensitivity: entry.sensitivity,
          descriptionVi: `Thành phần "${part.nameVi}" của ${entry.code} (${d.nameVi}).`,
          kind: entry.kind,
        }),
      ),
    ),
  );
}

/** The full catalogue, in display order. */
export function buildIndicators(): DemoIndicator[] {
  return [...ALL_ENTRIES, ...partEntries()]
    .map((entry): DemoIndicator => {
      const base = {
        code: entry.code,
        nameVi: entry.nameVi,
        nameEn: entry.nameEn,
        unitVi: entry.unitVi,
        unitEn: entry.unitEn,
        sensitivity: entry.sensitivity,
        descriptionVi: entry.descriptionVi,
        sortOrder: (ORDER.indexOf(entry.code) + 1) * 10,
        reportingLevel: entry.reportingLevel ?? 'commune',
        disaggregations: entry.disaggregations ?? [],
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
    })
    .sort((a, b) => a.sortOrder - b.sortOrder);
}
