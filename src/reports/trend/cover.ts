import { drawCoverHead } from '../pdf/cover.js';
import { CONTENT, GAP, SIZE, type Layout } from '../pdf/layout.js';
import { palette } from '../pdf/palette.js';
import { drawTable } from '../pdf/tableBlock.js';
import type { TrendCover } from './types.js';
import type { ReportBranding } from '../model/types.js';

// The band and the facts as on the assessment report's cover, a little shorter, with the table of the
// assessments compared below them.
const BAND_HEIGHT = 190;
const NOTE_PAD = 8;

export function drawTrendCover(l: Layout, cover: TrendCover, branding?: ReportBranding): void {
  const { doc } = l;
  const y = drawCoverHead(l, cover, { bandHeight: BAND_HEIGHT, titleGap: 32, afterTitle: 20 }, branding);

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
