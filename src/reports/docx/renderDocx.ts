import fs from 'node:fs';
import { Document, Footer, Header, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { ReportModel, ReportSection } from '../model/types.js';
import { drawInBrandColours, palette } from '../pdf/palette.js';
import { vazirmatnPath } from '../text/fonts.js';
import { SIZE } from './blocks.js';
import { actionsBlocks } from './actions.js';
import { headerLine } from './branding.js';
import { type Block, ctxOf, distributionsBlocks, groupsBlocks, profileBlocks, scoresBlocks, summaryBlocks } from './resultSections.js';
import { anySectionBlocks, benchmarkBlocks, commentsBlocks, coverBlocks, methodologyBlocks, noResponsesBlocks, recommendationsBlocks } from './textSections.js';
import { customerViewBlocks } from './customerView.js';

/** The font the document names for every script, and embeds so it looks the same where it is not installed. */
export const DOCX_FONT = 'Vazirmatn';

let fontFiles: { regular: Buffer; bold: Buffer } | undefined;
const fonts = () => (fontFiles ??= { regular: fs.readFileSync(vazirmatnPath('regular')), bold: fs.readFileSync(vazirmatnPath('bold')) });

/**
 * The report model as an editable Word document: every section of the PDF as text and tables, charts as
 * print-resolution PNGs, Persian paragraphs and tables right to left, Vazirmatn named and embedded. Only
 * lays out what the model holds, like the PDF renderer.
 */
export function renderReportDocx(model: ReportModel): Promise<Buffer> {
  // As the PDF: the primary family of the palette (band, titles, table heads, charts) in the firm's colour.
  return drawInBrandColours(model.branding.primaryColor, () => buildDocx(model));
}

async function buildDocx(model: ReportModel): Promise<Buffer> {
  const dir = model.dir;
  const rtl = dir === 'rtl';
  const body: Block[] = coverBlocks(model.cover, dir, model.branding);
  for (const section of model.sections) body.push(...(await sectionBlocks(model, section)));
  const font = { ascii: DOCX_FONT, hAnsi: DOCX_FONT, cs: DOCX_FONT, eastAsia: DOCX_FONT };
  const size = SIZE.body * 2;
  const doc = new Document({
    creator: model.info.author,
    title: model.info.title,
    subject: model.info.subject,
    fonts: [{ name: DOCX_FONT, data: fonts().regular, bold: fonts().bold }],
    styles: {
      default: {
        document: { run: { font, size, sizeComplexScript: size, language: { value: rtl ? 'fa-IR' : 'en-US', bidirectional: 'fa-IR' } }, paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font, size: SIZE.heading * 2, sizeComplexScript: SIZE.heading * 2, bold: true, boldComplexScript: true, color: palette.primaryDark.slice(1) }, paragraph: { spacing: { before: 0, after: 160 } } },
        heading2: { run: { font, size: SIZE.subheading * 2, sizeComplexScript: SIZE.subheading * 2, bold: true, boldComplexScript: true, color: palette.primaryDark.slice(1) }, paragraph: { spacing: { before: 160, after: 80 } } },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 } },
        },
        headers: { default: new Header({ children: [headerLine(model)] }), first: new Header({ children: [] }) },
        footers: { default: new Footer({ children: [pageLine(model)] }), first: new Footer({ children: [] }) },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function sectionBlocks(model: ReportModel, s: ReportSection): Promise<Block[]> {
  const ctx = ctxOf(model);
  switch (s.kind) {
    case 'noResponses':
      return noResponsesBlocks(s, model.dir);
    case 'summary':
      return summaryBlocks(s, ctx);
    case 'profile':
      return profileBlocks(s, ctx);
    case 'scores':
      return scoresBlocks(s, ctx);
    case 'distributions':
      return distributionsBlocks(s, ctx);
    case 'groups':
      return groupsBlocks(s, ctx);
    case 'recommendations':
      return recommendationsBlocks(s, model.dir);
    case 'comments':
      return commentsBlocks(s, model.dir);
    case 'benchmark':
      return benchmarkBlocks(s, model.dir);
    case 'customerView':
      return customerViewBlocks(s, ctx);
    case 'methodology':
      return methodologyBlocks(s, model.dir);
    case 'actions':
      return actionsBlocks(s, model.dir);
    default:
      return anySectionBlocks(s, model.dir);
  }
}

/** "صفحه {page} از {pages}" with Word's page fields in place of the two numbers. */
function pageLine(model: ReportModel): Paragraph {
  const rtl = model.dir === 'rtl';
  const style = { size: SIZE.tiny * 2, sizeComplexScript: SIZE.tiny * 2, color: palette.muted.slice(1), rightToLeft: rtl };
  const parts = model.pageLabel.split(/(\{page\}|\{pages\})/).filter(Boolean);
  return new Paragraph({
    bidirectional: rtl,
    alignment: 'center',
    children: parts.map((p) =>
      p === '{page}' ? new TextRun({ ...style, children: [PageNumber.CURRENT] }) : p === '{pages}' ? new TextRun({ ...style, children: [PageNumber.TOTAL_PAGES] }) : new TextRun({ ...style, text: p }),
    ),
  });
}
