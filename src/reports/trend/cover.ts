import { CONTENT, GAP, PAGE, SIZE, type Layout } from '../pdf/layout.js';
import { palette } from '../pdf/palette.js';
import { drawTable } from '../pdf/tables.js';
import type { TrendCover } from './types.js';

// The band and the facts are drawn as on the assessment report's cover (src/reports/pdf/cover.ts), with
// the table of the assessments compared below them.
const BAND = { top: 70, height: 190 } as const;
const INSET = 36;
const FACT_LABEL_WIDTH = 150;
const FACT_ROW_GAP = 9;
const NOTE_PAD = 8;

export function drawTrendCover(l: Layout, cover: TrendCover): void {
  const { doc } = l;
  doc.save().rect(0, BAND.top, PAGE.width, BAND.height).fillColor(palette.primary).fill().restore();
  doc.save().rect(0, BAND.top + BAND.height, PAGE.width, 5).fillColor(palette.accent).fill().restore();

  const inner = { left: CONTENT.left + INSET / 2, width: CONTENT.width - INSET };
  let y = BAND.top + 34;
  y += l.textAt(cover.kicker, inner.left, y, inner.width, { size: SIZE.subheading + 1, color: palette.primaryWash }) + 18;
  y += l.textAt(cover.organization, inner.left, y, inner.width, { size: 26, font: 'bold', color: palette.white }) + 6;
  if (cover.organizationAlt)
    l.textAt(cover.organizationAlt, inner.left, y, inner.width, { size: SIZE.subheading + 2, color: palette.primaryWash });

  y = BAND.top + BAND.height + 32;
  y += l.textAt(cover.title, CONTENT.left, y, CONTENT.width, { size: 17, font: 'bold', color: palette.primaryDark }) + 20;
  for (const fact of cover.facts) {
    const valueWidth = CONTENT.width - FACT_LABEL_WIDTH;
    const hLabel = l.textAt(fact.label, l.xAt(0, FACT_LABEL_WIDTH), y, FACT_LABEL_WIDTH, { size: SIZE.body, color: palette.muted });
    const hValue = l.textAt({ text: fact.value, dir: l.dir }, l.xAt(FACT_LABEL_WIDTH, valueWidth), y, valueWidth, { size: SIZE.body + 1, font: 'bold' });
    y += Math.max(hLabel, hValue) + FACT_ROW_GAP;
    doc.save().moveTo(CONTENT.left, y - FACT_ROW_GAP / 2).lineTo(CONTENT.right, y - FACT_ROW_GAP / 2).lineWidth(0.4).strokeColor(palette.rule).stroke().restore();
  }

  l.y = y + GAP.block;
  if (cover.assessments.rows.length) {
    l.heading(cover.assessmentsTitle, 40, SIZE.subheading);
    drawTable(l, cover.assessments, { size: SIZE.small });
  }
  if (cover.compatibility) drawNoteBox(l, cover.compatibility);

  const noteHeight = l.measure(cover.note, CONTENT.width, { size: SIZE.small });
  l.ensure(noteHeight + 16);
  const noteY = Math.max(l.y + 16, CONTENT.bottom - noteHeight);
  doc.save().moveTo(CONTENT.left, noteY - 12).lineTo(CONTENT.right, noteY - 12).lineWidth(0.8).strokeColor(palette.primary).stroke().restore();
  l.textAt(cover.note, CONTENT.left, noteY, CONTENT.width, { size: SIZE.small, color: palette.muted });
  l.y = CONTENT.bottom;
}

/** A remark that must not be missed (different questionnaire versions), on a warm band. */
export function drawNoteBox(l: Layout, text: string): void {
  const width = CONTENT.width - 2 * NOTE_PAD - 4;
  const height = l.measure(text, width, { size: SIZE.small + 0.5 }) + 2 * NOTE_PAD;
  l.ensure(height);
  l.doc.save().rect(CONTENT.left, l.y, CONTENT.width, height).fillColor(palette.accentWash).fill().restore();
  l.doc.save().rect(l.xAt(0, 3), l.y, 3, height).fillColor(palette.accent).fill().restore();
  l.textAt(text, l.xAt(NOTE_PAD + 4, width), l.y + NOTE_PAD, width, { size: SIZE.small + 0.5, color: palette.ink });
  l.y += height + GAP.block;
}
