import { defineMessages } from '../../lib/i18n';

/** Wording of the public pages: Vietnamese first, English with the same keys. */
export const publicText = defineMessages(
  {
    title: 'Công khai tình hình phòng, chống ma túy',
    country: 'Toàn quốc',
    pickProvince: 'Chọn tỉnh, thành phố',
    asOf: 'Số liệu đến hết',
    delayNote: 'công bố sau {days} ngày kể từ khi kết thúc quý',
    statusMap: 'Bản đồ phân loại xã, phường theo tình hình ma túy',
    drugFreeShare: 'Tỷ lệ xã, phường không ma túy',
    drugFreeOf: '{n} trên {total} xã, phường',
    drugFreeTrend: 'Tỷ lệ xã, phường không ma túy qua các năm',
    onTodayUnits: 'Tính trên đơn vị hành chính hiện nay; các năm trước khi sắp xếp quy đổi từ đơn vị cũ.',
    communesByStatus: 'Số xã, phường theo phân loại',
    targets: 'Tiến độ thực hiện các chỉ tiêu công khai',
    noTargets: 'Chưa có chỉ tiêu công khai cho địa bàn này.',
    deadline: 'Hạn',
    indicators: 'Chỉ số công khai qua các năm',
    noIndicators: 'Chưa có chỉ số công khai.',
    suppressedNote: 'Số nhỏ hơn {n} được ẩn để bảo vệ thông tin cá nhân.',
    reorganised: 'Sắp xếp ĐVHC {date}',
    reorganisedNote:
      'Đường nét đứt: sắp xếp đơn vị hành chính. Trước đó có nhiều xã, phường hơn, nên chỉ số đếm xã, phường giảm mạnh từ năm sắp xếp.',
    print: 'In trang',
    loadError: 'Không tải được số liệu',
    achieved: 'Đã đạt',
    on_track: 'Đúng tiến độ',
    at_risk: 'Có nguy cơ không đạt',
    off_track: 'Chậm tiến độ',
    missed: 'Không đạt',
    no_data: 'Chưa đủ số liệu',
    year: 'Năm',
    share: 'Tỷ lệ',
  },
  {
    title: 'Drug prevention: public summary',
    country: 'Vietnam',
    pickProvince: 'Choose a province',
    asOf: 'Data as of the end of',
    delayNote: 'published {days} days after the quarter ends',
    statusMap: 'Communes by drug situation',
    drugFreeShare: 'Share of drug-free communes',
    drugFreeOf: '{n} of {total} communes',
    drugFreeTrend: 'Share of drug-free communes by year',
    onTodayUnits: "On today's units; years before a reorganisation re-expressed from the old units.",
    communesByStatus: 'Communes by status',
    targets: 'Progress toward public targets',
    noTargets: 'No public targets for this area yet.',
    deadline: 'Deadline',
    indicators: 'Public indicators by year',
    noIndicators: 'No public indicators yet.',
    suppressedNote: 'Numbers below {n} are hidden to protect personal data.',
    reorganised: 'Reorganisation {date}',
    reorganisedNote:
      'Dashed line: a reorganisation of administrative units. There were more communes before it, so indicators that count communes drop sharply from that year.',
    print: 'Print',
    loadError: 'Could not load the data',
    achieved: 'Achieved',
    on_track: 'On track',
    at_risk: 'At risk',
    off_track: 'Off track',
    missed: 'Missed',
    no_data: 'Not enough data',
    year: 'Year',
    share: 'Share',
  },
);

/** A message with `{name}` placeholders filled in. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}
