import type { MethodBlock, MethodologySection, NoResponsesSection } from '../model/types.js';
import { CONTENT, GAP, SIZE, type Layout } from './layout.js';
import { palette } from './palette.js';
import { drawTable } from './tableBlock.js';

const FORMULA_PAD = 6;

/** How scores, levels, CI, α and rwg(j) are computed, the anonymity rule, counts and flagged responses. */
export function drawMethodology(l: Layout, m: MethodologySection): void {
  drawMethodBlocks(l, m.title, m.blocks);
  l.heading(m.reliability.title, 90, SIZE.subheading);
  drawTable(l, m.reliability.table, { size: SIZE.small });
  l.heading(m.counts.title, 90, SIZE.subheading);
  drawTable(l, m.counts.table, { size: SIZE.small, width: CONTENT.width * 0.7 });
  l.heading(m.flagged.title, 40, SIZE.subheading);
  l.paragraph(m.flagged.text, { size: SIZE.small + 0.5 });
  if (m.flagged.ids.length)
    l.paragraph({ text: m.flagged.ids.join('   '), dir: 'ltr' }, { size: SIZE.tiny, color: palette.muted });
}

/** A methodology page: its title, then each block's heading, paragraphs and formulas. */
export function drawMethodBlocks(l: Layout, title: string, blocks: MethodBlock[]): void {
  l.title(title);
  for (const b of blocks) {
    l.heading(b.heading, 50, SIZE.subheading);
    for (const p of b.paragraphs) l.paragraph(p, { size: SIZE.small + 0.5 });
    for (const f of b.formulas) formula(l, f);
    l.y += GAP.paragraph;
  }
}

/** A formula on its own line, left to right in both languages, on a light band. */
function formula(l: Layout, text: string): void {
  const height = l.measure({ text, dir: 'ltr' }, CONTENT.width - 2 * FORMULA_PAD, { size: SIZE.small }) + 2 * FORMULA_PAD - 2;
  l.ensure(height);
  l.doc.save().rect(CONTENT.left, l.y, CONTENT.width, height).fillColor(palette.wash).fill().restore();
  l.textAt({ text, dir: 'ltr' }, CONTENT.left + FORMULA_PAD, l.y + FORMULA_PAD - 1, CONTENT.width - 2 * FORMULA_PAD, {
    size: SIZE.small, color: palette.primaryDark, align: 'center',
  });
  l.y += height + GAP.paragraph;
}

/** The whole body of a report without responses. */
export function drawNoResponses(l: Layout, s: NoResponsesSection): void {
  l.title(s.title);
  for (const p of s.paragraphs) l.paragraph(p, {}, GAP.block);
}
