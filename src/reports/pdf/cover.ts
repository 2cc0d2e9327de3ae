import type { CoverModel } from '../model/types.js';
import { CONTENT, PAGE, SIZE, type Layout } from './layout.js';
import { palette } from './palette.js';

const BAND = { top: 70, height: 210 } as const;
const INSET = 36;
const FACT_LABEL_WIDTH = 150;
const FACT_ROW_GAP = 9;

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
export function drawCoverHead(l: Layout, head: CoverHead, shape: { bandHeight: number; titleGap: number; afterTitle: number }): number {
  const { doc } = l;
  doc.save().rect(0, BAND.top, PAGE.width, shape.bandHeight).fillColor(palette.primary).fill().restore();
  doc.save().rect(0, BAND.top + shape.bandHeight, PAGE.width, 5).fillColor(palette.accent).fill().restore();

  const inner = { left: CONTENT.left + INSET / 2, width: CONTENT.width - INSET };
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

/** The first page: organization, assessment, date, respondents and response rate. */
export function drawCover(l: Layout, cover: CoverModel): void {
  const { doc } = l;
  drawCoverHead(l, { ...cover, title: cover.assessment }, { bandHeight: BAND.height, titleGap: 40, afterTitle: 26 });

  const noteHeight = l.measure(cover.note, CONTENT.width, { size: SIZE.small, color: palette.muted });
  const noteY = CONTENT.bottom - noteHeight;
  doc.save().moveTo(CONTENT.left, noteY - 12).lineTo(CONTENT.right, noteY - 12).lineWidth(0.8).strokeColor(palette.primary).stroke().restore();
  l.textAt(cover.note, CONTENT.left, noteY, CONTENT.width, { size: SIZE.small, color: palette.muted });
  l.y = CONTENT.bottom;
}
