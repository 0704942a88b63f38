/**
 * `@pcmt/server/fixtures`: helpers of the browser tests (test/e2e) and the security replay
 * (scripts/security): the text of a generated PDF's pages, a hostile workbook. Not used by the product.
 */
export { farColumnWorkbook } from './features/imports/hostile-files';
export { openPdf, type PdfDoc, pageTexts } from './testing/pdf-text';
