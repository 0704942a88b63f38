import PDFDocument from 'pdfkit';
import { FONT_BOLD, FONT_REGULAR } from './fonts';

/** A pdfkit document with the pack's two fonts registered as `regular` and `bold`. */
export type Pdf = PDFKit.PDFDocument;

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  /** Stamped as the creation date, so the same input gives the same document. */
  createdAt: Date;
}

export function createPdf(info: PdfInfo): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    autoFirstPage: false,
    compress: true,
    lang: 'vi-VN',
    displayTitle: true,
    // A TrueType font from the start: pdfkit would otherwise set up Helvetica, which has no Vietnamese.
    font: FONT_REGULAR,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Creator: 'PCMT Atlas',
      Producer: 'PCMT Atlas (pdfkit)',
      CreationDate: info.createdAt,
    },
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  return doc;
}

/** The finished document's bytes. */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
