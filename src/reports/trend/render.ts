import PDFDocument from 'pdfkit';
import { registerReportFonts } from '../pdf/fonts.js';
import { Layout } from '../pdf/layout.js';
import { drawTrendChrome } from './chrome.js';
import { drawTrendCover } from './cover.js';
import { drawChanges, drawCharts, drawLevelsAndMovers, drawMethodology, drawNothingToCompare, drawSummary } from './pages.js';
import type { TrendReportModel } from './types.js';

/** Lets other requests in between the parts of a report drawn on the event loop. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Draws a comparison report model as an A4 PDF with Vazirmatn embedded (PDFKit subsets it). Only draws:
 * every string and figure comes from the model, so the same model gives the same bytes. Runs on the
 * calling thread, yielding between pages and between charts (the chart renderer waits a turn before each).
 */
export async function renderTrendReportPdf(model: TrendReportModel): Promise<Buffer> {
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
  registerReportFonts(doc);

  const l = new Layout(doc, model.dir, model.locale);
  drawTrendCover(l, model.cover);
  const body = model.body;
  const pages: (() => void)[] =
    body.kind === 'single'
      ? [() => drawNothingToCompare(l, body)]
      : [
          () => drawSummary(l, body.summary, body.charts.overview),
          () => drawCharts(l, body.charts),
          () => drawChanges(l, body.changes),
          () => drawLevelsAndMovers(l, body.levels, body.movers),
          () => drawMethodology(l, body.methodology),
        ];
  for (const draw of pages) {
    await nextTurn();
    draw();
  }
  await l.charts.placeAll();
  drawTrendChrome(l, model);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
