import { defineMessages } from '../../lib/i18n';

export const mapExportText = defineMessages(
  {
    button: 'Xuất ảnh PNG',
    busy: 'Đang tạo ảnh…',
    failed: 'Không tạo được ảnh',
    buttonHint: 'Tải ảnh bản đồ đang xem, kèm tiêu đề, chú giải, tỷ lệ và nguồn số liệu, để đưa vào báo cáo',
    legend: 'Chú giải',
    communes: 'Số xã',
    period: 'Kỳ báo cáo',
    source: 'Nguồn số liệu',
    basemap: 'Nền bản đồ',
    exportedOn: 'Xuất ngày',
    synthetic: 'DỮ LIỆU MÔ PHỎNG — không phải số liệu chính thức',
    north: 'B',
    scale: 'Tỷ lệ',
  },
  {
    button: 'Export PNG',
    busy: 'Making the image…',
    failed: 'Could not make the image',
    buttonHint: 'Download the map in view with title, legend, scale and data source, for a report',
    legend: 'Legend',
    communes: 'Communes',
    period: 'Period',
    source: 'Data source',
    basemap: 'Basemap',
    exportedOn: 'Exported on',
    synthetic: 'SYNTHETIC DATA — not official figures',
    north: 'N',
    scale: 'Scale',
  },
);
