import type { RecommendationItem, RecommendationsSection } from '../model/types.js';
import { CONTENT, GAP, SIZE, type Layout } from './layout.js';
import { palette } from './palette.js';
import { drawChip } from './summary.js';

const RANK = 22;
const QUOTE_INDENT = 10;

/** Every recommendation, most urgent first, with the seed text (by title) and quote it comes from. */
export function drawRecommendations(l: Layout, s: RecommendationsSection): void {
  l.title(s.title);
  l.paragraph(s.intro, { size: SIZE.small, color: palette.muted }, GAP.block);
  if (s.empty) l.paragraph(s.empty);
  for (const item of s.items) recommendation(l, item);
}

function recommendation(l: Layout, r: RecommendationItem): void {
  const width = CONTENT.width - RANK;
  const quoteWidth = width - QUOTE_INDENT;
  const source = `${r.sourceLabel}: ${r.sourceTitle}`;
  const heights = {
    text: l.measure(r.text, width),
    source: l.measure(source, width, { size: SIZE.tiny }),
    quote: l.measure(r.quote, quoteWidth, { size: SIZE.small }),
    note: r.note ? l.measure(r.note, quoteWidth, { size: SIZE.tiny }) + 2 : 0,
  };
  const total = 18 + heights.text + 4 + heights.source + 2 + heights.quote + heights.note + GAP.block;
  l.ensure(total);
  const top = l.y;
  l.textAt(r.rank, l.xAt(0, RANK - 6), top, RANK - 6, { size: SIZE.heading, font: 'bold', color: palette.priority[r.priority] });
  const chip = drawChip(l, r.priorityLabel, r.priority, top + 1, RANK);
  const restWidth = width - chip - 8;
  l.textAt(`${r.target.text} · ${r.figures}`, l.xAt(RANK + chip + 8, restWidth), top + 1, restWidth, { size: SIZE.small, color: palette.muted, dir: r.target.dir });
  let y = top + 18;
  y += l.textAt(r.text, l.xAt(RANK, width), y, width) + 4;
  y += l.textAt(source, l.xAt(RANK, width), y, width, { size: SIZE.tiny, color: palette.faint }) + 2;
  const quoteTop = y;
  y += l.textAt(r.quote, l.xAt(RANK + QUOTE_INDENT, quoteWidth), y, quoteWidth, { size: SIZE.small, color: palette.muted });
  if (r.note) y += 2 + l.textAt(r.note, l.xAt(RANK + QUOTE_INDENT, quoteWidth), y + 2, quoteWidth, { size: SIZE.tiny, color: palette.faint });
  const barX = l.xAt(RANK + 2, 2);
  l.doc.save().rect(barX, quoteTop + 1, 2, y - quoteTop - 2).fillColor(palette.rule).fill().restore();
  l.y = y + GAP.block;
}
