import PDFDocument from 'pdfkit';
import type { PdfDoc } from '../text/pdfkit-types.js';
import { registerReportFonts } from './fonts.js';

export interface DocumentInfo {
  generatedAt: string;
  lang: 'fa' | 'en';
  info: { title: string; subject: string; author: string };
}

/**
 * An A4 report document with the fonts registered, buffered pages (headers and page numbers are drawn
 * last) and fixed metadata dates, so the same model gives the same bytes; `finish` ends it and returns it.
 */
export function openReportDocument(model: DocumentInfo): { doc: PdfDoc; finish: () => Promise<Buffer> } {
  const created = new Date(model.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    lang: model.lang === 'fa' ? 'fa-IR' : 'en',
    displayTitle: true,
    info: { Title: model.info.title, Subject: model.info.subject, Author: model.info.author, Creator: 'Mehvar', Producer: 'Mehvar', CreationDate: created, ModDate: created },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  registerReportFonts(doc as unknown as PdfDoc);
  return {
    doc: doc as unknown as PdfDoc,
    finish: async () => {
      doc.end();
      await done;
      return Buffer.concat(chunks);
    },
  };
}
