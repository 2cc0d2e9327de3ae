import { drawMethodBlocks } from '../pdf/appendix.js';
import { CONTENT, GAP, SIZE, type Layout } from '../pdf/layout.js';
import { palette } from '../pdf/palette.js';
import { drawTable } from '../pdf/tableBlock.js';
import { lineChartConfig, seriesColour } from './charts.js';
import { drawNoteBox } from './cover.js';
import type {
  ChangeCard, ChangesSection, LevelsSection, MoversSection, NothingToCompare, TrendChartsSection, TrendMethodology, TrendSummary,
} from './types.js';

const CARD = { gap: 8, pad: 9, height: 104 } as const;
/** The overview shrinks to what is left of the summary page, down to `min`, before moving to the next. */
const OVERVIEW = { height: 270, min: 200 } as const;
const DIMENSION_CHART = { height: 150 } as const;
/** A section that would start with less than this left on the page starts on the next page. */
const SECTION_KEEP = { levels: 320, movers: 440 } as const;
const BULLET = 12;
const TREND_COLOUR = { up: palette.priority.low, down: palette.priority.high, flat: palette.muted } as const;

/** The first→last cards, the plain-language sentences and the overview chart. */
export function drawSummary(l: Layout, s: TrendSummary, overview: TrendChartsSection['overview']): void {
  l.title(s.title);
  l.paragraph(s.intro, {}, GAP.block);
  drawCards(l, s.cards);
  if (s.compatibility) drawNoteBox(l, s.compatibility);
  l.heading(s.sentencesTitle, 40, SIZE.subheading + 1);
  s.sentences.forEach((sentence, i) => bullet(l, sentence, seriesColour(s.cards[i]?.id ?? 'overall')));
  l.y += GAP.block;
  const headingHeight = l.measure(overview.title, CONTENT.width, { size: SIZE.subheading + 1, font: 'bold' }) + GAP.paragraph;
  const left = CONTENT.bottom - l.y - headingHeight;
  const height = left >= OVERVIEW.min ? Math.min(OVERVIEW.height, Math.floor(left)) : OVERVIEW.height;
  l.heading(overview.title, height, SIZE.subheading + 1);
  chart(l, overview, height);
}

function drawCards(l: Layout, cards: ChangeCard[]): void {
  const width = (CONTENT.width - (cards.length - 1) * CARD.gap) / cards.length;
  const inner = width - 2 * CARD.pad;
  l.ensure(CARD.height);
  const top = l.y;
  cards.forEach((card, i) => {
    const left = l.xAt(i * (width + CARD.gap), width);
    const colour = seriesColour(card.id);
    // Like Layout.xAt, inside the card.
    const at = (offset: number, w: number) => (l.rtl ? left + width - CARD.pad - offset - w : left + CARD.pad + offset);
    l.doc.save().rect(left, top, width, CARD.height).lineWidth(0.6).strokeColor(palette.rule).stroke().restore();
    l.doc.save().rect(left, top, width, 4).fillColor(colour).fill().restore();
    let y = top + 4 + CARD.pad;
    y += l.textAt(card.name, at(0, inner), y, inner, { size: SIZE.subheading, font: 'bold', color: colour }) + 1;
    y += l.textAt(card.delta, at(0, inner), y, inner, { size: 19, font: 'bold', color: card.trend ? TREND_COLOUR[card.trend] : palette.muted });
    // "45.0 ⟶ 57.0" in reading order, the arrow drawn (Vazirmatn has no arrow glyph).
    const fromWidth = l.widthOf(card.from, { size: SIZE.small });
    l.textAt(card.from, at(0, fromWidth + 1), y, fromWidth + 1, { size: SIZE.small, color: palette.muted });
    arrow(l, at(fromWidth + 5, 14), y + 6.5, 14);
    const toWidth = l.widthOf(card.to, { size: SIZE.small, font: 'bold' });
    l.textAt(card.to, at(fromWidth + 23, toWidth + 1), y, toWidth + 1, { size: SIZE.small, font: 'bold' });
    y += 16;
    l.textAt(card.verdict, at(0, inner), y, inner, { size: SIZE.tiny, color: palette.muted });
  });
  l.y = top + CARD.height + GAP.block;
}

/** A short arrow pointing in reading direction (to the left in a right-to-left report). */
function arrow(l: Layout, x: number, y: number, length: number): void {
  const [from, to] = l.rtl ? [x + length, x] : [x, x + length];
  const head = l.rtl ? 3.5 : -3.5;
  l.doc.save().lineWidth(0.9).strokeColor(palette.muted)
    .moveTo(from, y).lineTo(to, y)
    .moveTo(to + head, y - 2.5).lineTo(to, y).lineTo(to + head, y + 2.5)
    .stroke().restore();
}

function bullet(l: Layout, text: string, colour: string): void {
  const width = CONTENT.width - BULLET;
  const height = l.measure(text, width);
  l.ensure(height);
  l.doc.save().circle(l.xAt(3, 0), l.y + 6.5, 2.6).fillColor(colour).fill().restore();
  l.textAt(text, l.xAt(BULLET, width), l.y, width);
  l.y += height + GAP.paragraph;
}

function chart(l: Layout, c: TrendChartsSection['overview'], height: number): void {
  const size = { width: Math.round(CONTENT.width), height };
  l.ensure(size.height);
  l.charts.place(lineChartConfig(c, l.rtl, l.locale), size, CONTENT.left, l.y);
  l.y += size.height + GAP.block;
}

export function drawCharts(l: Layout, s: TrendChartsSection): void {
  l.title(s.title);
  l.paragraph(s.intro, { size: SIZE.small + 0.5 }, GAP.block);
  for (const c of s.dimensions) {
    l.heading(c.title, DIMENSION_CHART.height + 6, SIZE.subheading + 1);
    chart(l, c, DIMENSION_CHART.height);
  }
}

export function drawChanges(l: Layout, s: ChangesSection): void {
  l.title(s.title);
  l.paragraph(s.intro, { size: SIZE.small + 0.5 }, GAP.block);
  for (const t of s.tables) {
    l.heading(t.heading, 100, SIZE.subheading);
    l.y -= GAP.paragraph - 1;
    l.paragraph(t.dates, { size: SIZE.small, color: palette.muted });
    drawTable(l, t.table, { size: SIZE.small });
  }
  l.paragraph(s.marksNote, { size: SIZE.tiny + 0.5, color: palette.muted }, GAP.block);
  l.heading(s.detailTitle, 90, SIZE.subheading);
  drawTable(l, s.detail, { size: SIZE.small });
}

export function drawLevelsAndMovers(l: Layout, levels: LevelsSection, movers: MoversSection): void {
  sectionTitle(l, levels.title, SECTION_KEEP.levels);
  l.paragraph(levels.intro, { size: SIZE.small + 0.5 }, GAP.block);
  drawTable(l, levels.table, { size: SIZE.small });
  for (const sentence of levels.sentences) bullet(l, sentence, palette.primary);
  sectionTitle(l, movers.title, SECTION_KEEP.movers);
  l.paragraph(movers.intro, { size: SIZE.small + 0.5 }, GAP.block);
  for (const [title, table] of [[movers.upTitle, movers.up], [movers.downTitle, movers.down]] as const) {
    l.heading(title, 60, SIZE.subheading);
    if (table) drawTable(l, table, { size: SIZE.small });
    else l.paragraph(movers.empty, { size: SIZE.small, color: palette.muted }, GAP.block);
  }
}

export function drawMethodology(l: Layout, m: TrendMethodology): void {
  drawMethodBlocks(l, m.title, m.blocks);
}

/**
 * Like Layout.title, but continues on the current page when enough of it is left: the table of changes
 * often ends high on a page.
 */
function sectionTitle(l: Layout, text: string, keep: number): void {
  if (l.y > CONTENT.top) {
    if (CONTENT.bottom - l.y < keep) l.newPage();
    else l.y += GAP.block * 1.5;
  }
  const h = l.textAt(text, CONTENT.left, l.y, CONTENT.width, { size: SIZE.title, font: 'bold', color: palette.primaryDark });
  l.y += h + 4;
  l.rule(palette.primary, 1.2, 60);
  l.y += GAP.block;
}

export function drawNothingToCompare(l: Layout, s: NothingToCompare): void {
  l.title(s.title);
  for (const p of s.paragraphs) l.paragraph(p, {}, GAP.block);
  if (s.baseline) {
    l.heading(s.baseline.title, 80, SIZE.subheading + 1);
    drawTable(l, s.baseline.table, { size: SIZE.small });
  }
}
