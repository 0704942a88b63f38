import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** PDFs read back the way a reader's viewer does (PDF.js), for tests of what a printed pack says. */
export type PdfDoc = Awaited<ReturnType<typeof getDocument>['promise']>;

export async function openPdf(bytes: Uint8Array): Promise<PdfDoc> {
  return getDocument({ data: new Uint8Array(bytes), disableFontFace: true, verbosity: 0 }).promise;
}

/** The text of each page, items in drawing order joined by single spaces. */
export async function pageTexts(pdf: PdfDoc): Promise<string[]> {
  const texts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    texts.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  return texts;
}
