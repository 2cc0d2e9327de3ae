import type { ReportModel, ReportSection } from '../model/types.js';
import { drawMethodology, drawNoResponses } from './appendix.js';
import { drawBenchmark } from './benchmarkBlock.js';
import { drawActions } from './actions.js';
import { drawChrome } from './chrome.js';
import { drawComments } from './comments.js';
import { drawCustomerView } from './customerView.js';
import { drawCover } from './cover.js';
import { openReportDocument } from './document.js';
import { drawDistributions } from './distributions.js';
import { drawGroups } from './groups.js';
import { Layout } from './layout.js';
import { drawInBrandColours } from './palette.js';
import { drawProfile } from './profile.js';
import { drawRecommendations } from './recommendations.js';
import { drawScores } from './scores.js';
import { drawSummary } from './summary.js';

/**
 * Draws a report model as an A4 PDF with Vazirmatn embedded (PDFKit subsets it). Only draws: every
 * string and figure comes from the model. The same model gives the same bytes.
 */
export function renderReportPdf(model: ReportModel): Promise<Buffer> {
  return drawInBrandColours(model.branding.primaryColor, () => drawReport(model));
}

async function drawReport(model: ReportModel): Promise<Buffer> {
  const { doc, finish } = openReportDocument(model);
  const l = new Layout(doc, model.dir, model.locale);
  drawCover(l, model.cover, model.branding);
  for (const section of model.sections) drawSection(l, section);
  await l.charts.placeAll();
  drawChrome(l, model);
  return finish();
}

function drawSection(l: Layout, s: ReportSection): void {
  switch (s.kind) {
    case 'noResponses':
      return drawNoResponses(l, s);
    case 'summary':
      return drawSummary(l, s);
    case 'profile':
      return drawProfile(l, s);
    case 'scores':
      return drawScores(l, s);
    case 'distributions':
      return drawDistributions(l, s);
    case 'groups':
      return drawGroups(l, s);
    case 'recommendations':
      return drawRecommendations(l, s);
    case 'comments':
      return drawComments(l, s);
    case 'benchmark':
      return drawBenchmark(l, s);
    case 'customerView':
      return drawCustomerView(l, s);
    case 'methodology':
      return drawMethodology(l, s);
    case 'actions':
      return drawActions(l, s);
  }
}
