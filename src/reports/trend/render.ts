import { openReportDocument } from '../pdf/document.js';
import { Layout } from '../pdf/layout.js';
import { drawInBrandColours } from '../pdf/palette.js';
import { drawChrome } from '../pdf/chrome.js';
import { drawTrendCover } from './cover.js';
import { drawActions } from '../pdf/actions.js';
import { drawTrendCustomers } from './drawCustomers.js';
import { drawChanges, drawCharts, drawLevelsAndMovers, drawMethodology, drawNothingToCompare, drawSummary } from './pages.js';
import type { TrendReportModel } from './types.js';

/** Lets other requests in between the parts of a report drawn on the event loop. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Draws a comparison report model as an A4 PDF with Vazirmatn embedded (PDFKit subsets it). Only draws:
 * every string and figure comes from the model, so the same model gives the same bytes. Runs on the
 * calling thread, yielding between pages and between charts (the chart renderer waits a turn before each).
 */
export function renderTrendReportPdf(model: TrendReportModel): Promise<Buffer> {
  return drawInBrandColours(model.branding.primaryColor, () => drawTrendReport(model));
}

async function drawTrendReport(model: TrendReportModel): Promise<Buffer> {
  const { doc, finish } = openReportDocument(model);
  const l = new Layout(doc, model.dir, model.locale);
  drawTrendCover(l, model.cover, model.branding);
  const body = model.body;
  const pages: (() => void)[] =
    body.kind === 'single'
      ? [() => drawNothingToCompare(l, body)]
      : [
          () => drawSummary(l, body.summary, body.charts.overview),
          () => drawCharts(l, body.charts),
          () => drawChanges(l, body.changes),
          () => drawLevelsAndMovers(l, body.levels, body.movers),
          ...(body.actions ? [() => drawActions(l, body.actions!)] : []),
          ...(body.customers ? [() => drawTrendCustomers(l, body.customers!)] : []),
          () => drawMethodology(l, body.methodology),
        ];
  for (const draw of pages) {
    await nextTurn();
    draw();
  }
  await l.charts.placeAll();
  drawChrome(l, { ...model, header: { organization: model.header.organization, assessment: model.header.subtitle } });
  return finish();
}
