import { defineMessages } from '../../lib/i18n';

export const analysisText = defineMessages(
  {
    title: 'Phân tích không gian',
    statGi: 'Điểm nóng Getis-Ord Gi*',
    statMoran: "Cụm Moran's I địa phương (LISA)",
    statEmerging: 'Điểm nóng mới nổi (xu hướng Mann–Kendall)',
    statistic: 'Phép phân tích',
    province: 'Tỉnh, thành phố',
    indicator: 'Chỉ tiêu',
    period: 'Quý',
    lastPeriod: 'Quý cuối',
    fromPeriod: 'Từ quý',
    fdr: 'Hiệu chỉnh tỷ lệ phát hiện sai (FDR, Benjamini–Hochberg)',
    run: 'Chạy phân tích',
    running: 'Đang tính…',
    legend: 'Chú giải',
    communes: 'xã được phân tích',
    hot: 'điểm nóng',
    cold: 'điểm lạnh',
    islands: 'xã không có lân cận (bỏ qua)',
    missing: 'xã thiếu số liệu (bỏ qua)',
    neighbours: 'lân cận',
    neighbourhood: 'Xã lân cận',
    contiguity: 'Có chung ranh giới',
    within: 'Trong vòng',
    definition: 'Định nghĩa',
    noData: 'Không thuộc vùng phân tích hoặc thiếu số liệu',
    mapLabel: 'Bản đồ phân tích không gian',
    giMeaning:
      'Điểm nóng: xã cùng các xã lân cận có giá trị cao hơn hẳn toàn tỉnh (z dương); điểm lạnh: thấp hơn hẳn (z âm). Độ tin cậy 90 / 95 / 99 % ứng với |z| ≥ 1,645 / 1,96 / 2,576.',
    moranMeaning:
      'Cao – Cao / Thấp – Thấp: xã thuộc cụm giá trị giống nhau; Cao – Thấp / Thấp – Cao: xã khác hẳn các xã quanh nó. Ý nghĩa thống kê theo 999 hoán vị (hạt giống cố định), p ≤ 0,05.',
    emergingMeaning:
      'Xu hướng Mann–Kendall của điểm z Gi* qua các quý, phân loại theo định nghĩa của ArcGIS Pro (Emerging Hot Spot Analysis).',
  },
  {
    title: 'Spatial analysis',
    statGi: 'Getis-Ord Gi* hot spots',
    statMoran: "Local Moran's I clusters (LISA)",
    statEmerging: 'Emerging hot spots (Mann–Kendall trend)',
    statistic: 'Statistic',
    province: 'Province',
    indicator: 'Indicator',
    period: 'Quarter',
    lastPeriod: 'Last quarter',
    fromPeriod: 'From quarter',
    fdr: 'False-discovery-rate correction (Benjamini–Hochberg)',
    run: 'Run analysis',
    running: 'Computing…',
    legend: 'Legend',
    communes: 'communes analysed',
    hot: 'hot spots',
    cold: 'cold spots',
    islands: 'communes without neighbours (left out)',
    missing: 'communes without a value (left out)',
    neighbours: 'neighbours',
    neighbourhood: 'Neighbouring communes',
    contiguity: 'Sharing a boundary',
    within: 'Within',
    definition: 'Definition',
    noData: 'Outside the study area or no value',
    mapLabel: 'Spatial analysis map',
    giMeaning:
      'Hot spot: a commune and its neighbours are markedly higher than the province (positive z); cold spot: markedly lower (negative z). 90 / 95 / 99 % confidence means |z| ≥ 1.645 / 1.96 / 2.576.',
    moranMeaning:
      'High–High / Low–Low: the commune belongs to a cluster of similar values; High–Low / Low–High: it differs from the communes around it. Significance from 999 seeded permutations, p ≤ 0.05.',
    emergingMeaning:
      "Mann–Kendall trend of the Gi* z-scores over the quarters, categorised as ArcGIS Pro's Emerging Hot Spot Analysis defines them.",
  },
);

export type AnalysisKey = Parameters<typeof analysisText>[1];
