import type { Priority, SummarySection, UrgentAction } from '../model/types.js';
import { CONTENT, GAP, SIZE, type Layout } from './layout.js';
import { palette } from './palette.js';

const BOX_PAD = 14;
const SCORE_COLUMN = 150;
const CARD_GAP = 10;
const CARD_PAD = 10;
const HIGHLIGHT_LABEL = 110;

/** Executive summary: overall score and level, the three dimensions, strongest and weakest, urgent actions. */
export function drawSummary(l: Layout, s: SummarySection): void {
  l.title(s.title);
  l.paragraph(s.intro, {}, GAP.block);
  overallBox(l, s);
  for (const note of s.notes) l.paragraph(note, { size: SIZE.small, color: palette.accent });
  l.y += GAP.paragraph;
  dimensionCards(l, s);
  for (const h of s.highlights) {
    const w = CONTENT.width - HIGHLIGHT_LABEL;
    const hh = l.textAt(h.label, l.xAt(0, HIGHLIGHT_LABEL), l.y, HIGHLIGHT_LABEL, { size: SIZE.body, color: palette.muted });
    l.textAt(h.value, l.xAt(HIGHLIGHT_LABEL, w), l.y, w, { font: 'bold' });
    l.y += hh + GAP.paragraph;
  }
  l.y += GAP.block;
  l.heading(s.urgentTitle, 80);
  if (s.urgentEmpty) l.paragraph(s.urgentEmpty, { color: palette.muted });
  s.urgent.forEach((a) => urgentAction(l, a));
}

function overallBox(l: Layout, s: SummarySection): void {
  const { overall } = s;
  const restWidth = CONTENT.width - SCORE_COLUMN - 3 * BOX_PAD;
  const levelText = overall.level?.label ?? '—';
  const description = overall.level?.description ?? '';
  const rightHeight =
    l.measure(levelText, restWidth, { size: SIZE.heading, font: 'bold' }) +
    (description ? GAP.paragraph + l.measure(description, restWidth, { size: SIZE.small }) : 0);
  const height = Math.max(92, rightHeight + 2 * BOX_PAD);
  l.ensure(height);
  const top = l.y;
  l.doc.save().roundedRect(CONTENT.left, top, CONTENT.width, height, 6).fillColor(palette.primaryWash).fill().restore();

  const scoreX = l.xAt(BOX_PAD, SCORE_COLUMN);
  let y = top + BOX_PAD;
  y += l.textAt(overall.label, scoreX, y, SCORE_COLUMN, { size: SIZE.small, color: palette.muted, align: 'center' }) + 2;
  y += l.textAt(overall.score, scoreX, y, SCORE_COLUMN, { size: 30, font: 'bold', color: palette.primaryDark, align: 'center' });
  l.textAt(overall.outOf, scoreX, y, SCORE_COLUMN, { size: SIZE.small, color: palette.muted, align: 'center' });

  const restX = l.xAt(SCORE_COLUMN + 2 * BOX_PAD, restWidth);
  const ruleX = l.xAt(SCORE_COLUMN + 1.5 * BOX_PAD, 0);
  l.doc.save().moveTo(ruleX, top + BOX_PAD).lineTo(ruleX, top + height - BOX_PAD).lineWidth(0.8).strokeColor(palette.primary).stroke().restore();
  y = top + BOX_PAD;
  y += l.textAt(levelText, restX, y, restWidth, { size: SIZE.heading, font: 'bold', color: palette.primaryDark }) + GAP.paragraph;
  if (description) l.textAt(description, restX, y, restWidth, { size: SIZE.small });
  l.y = top + height + GAP.block;
}

function dimensionCards(l: Layout, s: SummarySection): void {
  const n = s.dimensions.length;
  const width = (CONTENT.width - (n - 1) * CARD_GAP) / n;
  const inner = width - 2 * CARD_PAD;
  // All three cards as tall as the longest level description needs.
  const described = Math.max(0, ...s.dimensions.map((d) => (d.description ? l.measure(d.description, inner, { size: SIZE.tiny }) + 4 : 0)));
  const height = 96 + described;
  l.ensure(height);
  const top = l.y;
  s.dimensions.forEach((d, i) => {
    const x = l.xAt(i * (width + CARD_GAP), width);
    const colour = palette.dimensions[d.id];
    l.doc.save().rect(x, top, width, height).lineWidth(0.6).strokeColor(palette.rule).stroke().restore();
    l.doc.save().rect(x, top, width, 4).fillColor(colour).fill().restore();
    let y = top + 4 + CARD_PAD;
    y += l.textAt(d.name, x + CARD_PAD, y, inner, { size: SIZE.subheading + 1, font: 'bold', color: colour });
    y += l.textAt(d.score, x + CARD_PAD, y, inner, { size: 20, font: 'bold' });
    y += l.textAt(d.level, x + CARD_PAD, y, inner, { size: SIZE.small, color: palette.ink });
    if (d.target) y += l.textAt(d.target, x + CARD_PAD, y, inner, { size: SIZE.small, color: palette.accent });
    if (d.description) l.textAt(d.description, x + CARD_PAD, y + 4, inner, { size: SIZE.tiny, color: palette.muted });
  });
  l.y = top + height + GAP.block;
}

function urgentAction(l: Layout, a: UrgentAction): void {
  const indent = 12;
  const width = CONTENT.width - indent;
  const textHeight = l.measure(a.text, width);
  l.ensure(textHeight + 34);
  const top = l.y;
  const chip = drawChip(l, a.priorityLabel, a.priority, top, indent);
  l.textAt(a.target, l.xAt(indent + chip + 8, width - chip - 8), top, width - chip - 8, { size: SIZE.small, color: palette.muted });
  l.y = top + 18;
  l.textAt(a.text, l.xAt(indent, width), l.y, width);
  l.doc.save().rect(l.xAt(0, 3), top, 3, l.y + textHeight - top).fillColor(palette.priority[a.priority]).fill().restore();
  l.y += textHeight + GAP.block;
}

/** A small coloured label ("High priority") at the start side of the line at `y`. */
export function drawChip(l: Layout, label: string, priority: Priority, y: number, offset = 0): number {
  const w = l.widthOf(label, { size: SIZE.tiny, font: 'bold' }) + 12;
  const x = l.xAt(offset, w);
  l.doc.save().roundedRect(x, y, w, 13, 3).fillColor(palette.priority[priority]).fill().restore();
  l.textAt(label, x + 6, y + 0.5, w - 12, { size: SIZE.tiny, font: 'bold', color: palette.white, align: 'center' });
  return w;
}
