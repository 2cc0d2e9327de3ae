import PDFDocument from 'pdfkit';
import type { PdfDoc } from '../text/pdfkit-types.js';
import { registerReportFonts } from './fonts.js';
import { logoXObject } from './logoImage.js';

/** Draws the logo as large as fits in the box, keeping its proportions, centred; nothing for one that will not decode. */
export function drawLogo(doc: PdfDoc, png: Uint8Array, box: { x: number; y: number; width: number; height: number }): void {
  // Decoded once per thread, embedded once per document (logoImage.ts).
  const image = logoXObject(doc, png);
  if (!image) return;
  const scale = Math.min(box.width / image.width, box.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  doc.image(image as never, box.x + (box.width - width) / 2, box.y + (box.height - height) / 2, { width, height });
}

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
