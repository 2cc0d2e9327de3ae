import type { CoverModel, ReportBranding } from '../model/types.js';
import { drawLogo } from './document.js';
import { logoXObject } from './logoImage.js';
import { CONTENT, PAGE, SIZE, type Layout } from './layout.js';
import { palette } from './palette.js';

const BAND = { top: 70, height: 210 } as const;
const INSET = 36;
const FACT_LABEL_WIDTH = 150;
const FACT_ROW_GAP = 9;
/** The firm's column at the band's end side: a white card with the logo, the name and contact under it. */
const FIRM = { width: 132, gap: 14, cardHeight: 78, pad: 9 } as const;

export interface CoverHead {
  kicker: string;
  organization: CoverModel['organization'];
  organizationAlt: CoverModel['organizationAlt'];
  title: CoverModel['assessment'] | string;
  facts: CoverModel['facts'];
}

/**
 * The top of a report's first page, shared by the assessment and comparison reports: the coloured band
 * with the organization, a title under it and a list of facts. Returns the y below the facts.
 */
export function drawCoverHead(l: Layout, head: CoverHead, shape: { bandHeight: number; titleGap: number; afterTitle: number }, branding?: ReportBranding): number {
  const { doc } = l;
  doc.save().rect(0, BAND.top, PAGE.width, shape.bandHeight).fillColor(palette.primary).fill().restore();
  doc.save().rect(0, BAND.top + shape.bandHeight, PAGE.width, 5).fillColor(palette.accent).fill().restore();

  const band = { left: CONTENT.left + INSET / 2, width: CONTENT.width - INSET };
  if (branding) drawFirm(l, branding, band, BAND.top + 24);
  // The organization keeps the start side; the firm's column, when there is one, the end side.
  const firmWidth = branding ? FIRM.width + FIRM.gap : 0;
  const inner = { left: l.rtl ? band.left + firmWidth : band.left, width: band.width - firmWidth };
  let y = BAND.top + 34;
  y += l.textAt(head.kicker, inner.left, y, inner.width, { size: SIZE.subheading + 1, color: palette.primaryWash }) + 18;
  y += l.textAt(head.organization, inner.left, y, inner.width, { size: 26, font: 'bold', color: palette.white }) + 6;
  if (head.organizationAlt)
    l.textAt(head.organizationAlt, inner.left, y, inner.width, { size: SIZE.subheading + 2, color: palette.primaryWash });

  y = BAND.top + shape.bandHeight + shape.titleGap;
  y += l.textAt(head.title, CONTENT.left, y, CONTENT.width, { size: 17, font: 'bold', color: palette.primaryDark }) + shape.afterTitle;

  for (const fact of head.facts) {
    const valueWidth = CONTENT.width - FACT_LABEL_WIDTH;
    const hLabel = l.textAt(fact.label, l.xAt(0, FACT_LABEL_WIDTH), y, FACT_LABEL_WIDTH, { size: SIZE.body, color: palette.muted });
    const value = { text: fact.value, dir: l.dir };
    const hValue = l.textAt(value, l.xAt(FACT_LABEL_WIDTH, valueWidth), y, valueWidth, { size: SIZE.body + 1, font: 'bold' });
    y += Math.max(hLabel, hValue) + FACT_ROW_GAP;
    doc.save().moveTo(CONTENT.left, y - FACT_ROW_GAP / 2).lineTo(CONTENT.right, y - FACT_ROW_GAP / 2).lineWidth(0.4).strokeColor(palette.rule).stroke().restore();
  }
  return y;
}

/** The firm on the band: its logo on a white card (when it has one), its name and contact line under it. */
function drawFirm(l: Layout, b: ReportBranding, band: { left: number; width: number }, top: number): void {
  const { doc } = l;
  const x = l.rtl ? band.left : band.left + band.width - FIRM.width;
  let y = top;
  // An empty white card, for a stored logo that will not decode, would look like a mistake: no card then.
  if (b.logoPng && logoXObject(doc, b.logoPng)) {
    doc.save().roundedRect(x, y, FIRM.width, FIRM.cardHeight, 6).fillColor(palette.white).fill().restore();
    drawLogo(doc, b.logoPng, { x: x + FIRM.pad, y: y + FIRM.pad, width: FIRM.width - 2 * FIRM.pad, height: FIRM.cardHeight - 2 * FIRM.pad });
    y += FIRM.cardHeight + 8;
  }
  y += l.textAt(b.firm, x, y, FIRM.width, { size: SIZE.subheading, font: 'bold', color: palette.white, align: 'center' }) + 3;
  if (b.contact) l.textAt(b.contact, x, y, FIRM.width, { size: SIZE.tiny, color: palette.primaryWash, align: 'center' });
}

/** The first page: organization, assessment, date, respondents and response rate; the firm on the band. */
export function drawCover(l: Layout, cover: CoverModel, branding?: ReportBranding): void {
  const { doc } = l;
  drawCoverHead(l, { ...cover, title: cover.assessment }, { bandHeight: BAND.height, titleGap: 40, afterTitle: 26 }, branding);

  const noteHeight = l.measure(cover.note, CONTENT.width, { size: SIZE.small, color: palette.muted });
  const noteY = CONTENT.bottom - noteHeight;
  doc.save().moveTo(CONTENT.left, noteY - 12).lineTo(CONTENT.right, noteY - 12).lineWidth(0.8).strokeColor(palette.primary).stroke().restore();
  l.textAt(cover.note, CONTENT.left, noteY, CONTENT.width, { size: SIZE.small, color: palette.muted });
  l.y = CONTENT.bottom;
}
