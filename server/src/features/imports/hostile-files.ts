import ExcelJS from 'exceljs';

/**
 * Crafted uploads of issue 13 for tests and scripts/security/replay-hostile.ts: a report header and `rows`
 * rows that each hold a single number in column XFD (16,384), ~23 KB for 3,000 rows. Before the reader was
 * bounded, 400 rows cost 1.5 GB and 16 s and 3,000 rows ended the server out of memory.
 */
export async function farColumnWorkbook(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Báo cáo');
  ws.getRow(1).values = ['Mã đơn vị', 'Tên đơn vị', 'Người nghiện (managed_addicts)'];
  for (let r = 2; r <= rows; r++) ws.getCell(`XFD${r}`).value = r;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
