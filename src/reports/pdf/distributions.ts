import type { DistributionsSection, LikertItem } from '../model/types.js';
import { CONTENT, GAP, SIZE, type Layout } from './layout.js';
import { drawLegend, legendWidth } from './legend.js';
import { likertColour, palette } from './palette.js';
import { likertConfig, likertGeometry, type LikertRow } from './likertChart.js';

// Columns, as offsets from the start side: number | item text | bars (with the don't-know track) | figures.
const NUMBER = { offset: 0, width: 16 } as const;
const TEXT = { offset: 18, width: 192 } as const;
const CHART = { offset: 218, width: CONTENT.width - 218 - 40 } as const;
const FIGURES = { offset: CONTENT.width - 36, width: 36 } as const;
const ROW = { min: 18, pad: 7 } as const;
const AXIS_HEIGHT = 14;
const ITEM_SIZE = 8;
const HEIGHT_STEP = 100;

interface Chunk {
  top: number;
  rows: LikertRow[];
}

/**
 * Item distributions grouped by section. Each page gets one chart image spanning its rows; text is drawn
 * by the PDF (so it stays searchable) and the bars are placed at each row's centre.
 */
export function drawDistributions(l: Layout, s: DistributionsSection): void {
  l.title(s.title);
  l.paragraph(s.intro, {}, GAP.paragraph);
  let chunk = startChunk(l, s);
  const flush = () => {
    finishChunk(l, s, chunk);
    l.newPage();
    chunk = startChunk(l, s);
  };

  for (const group of s.groups) {
    const first = group.items[0] ? itemHeight(l, group.items[0]) : 0;
    if (l.y + groupTitleHeight(l, group.title) + first + AXIS_HEIGHT > CONTENT.bottom) flush();
    drawGroupTitle(l, group.title);
    for (const item of group.items) {
      const h = itemHeight(l, item);
      if (l.y + h + AXIS_HEIGHT > CONTENT.bottom) {
        flush();
        drawGroupTitle(l, `${group.title} (${s.continued})`);
      }
      drawItemText(l, item, h);
      chunk.rows.push({ item, y: l.y + h / 2 - chunk.top });
      l.y += h;
    }
  }
  finishChunk(l, s, chunk);
  l.y += GAP.block;
}

function startChunk(l: Layout, s: DistributionsSection): Chunk {
  const entries = [
    ...s.scale.map((p) => ({ label: p.label, color: likertColour(p.tone) })),
    { label: s.dontKnowLabel, color: palette.dontKnow },
    ...(s.notApplicableLabel ? [{ label: s.notApplicableLabel, color: palette.notApplicable }] : []),
  ];
  // Over the bars where it fits, else pushed toward the start side so it never leaves the page.
  const offset = Math.max(0, Math.min(CHART.offset, CONTENT.width - legendWidth(l, entries)));
  l.y += drawLegend(l, entries, l.y, offset) + 2;
  return { top: l.y, rows: [] };
}

function finishChunk(l: Layout, s: DistributionsSection, chunk: Chunk): void {
  const height = Math.ceil(l.y - chunk.top);
  if (chunk.rows.length === 0 || height <= 0) return;
  // The renderer keeps a canvas per image size, so image heights come in a few steps and the image is
  // clipped to the rows it serves.
  const geometry = likertGeometry(Math.round(CHART.width), Math.ceil(height / HEIGHT_STEP) * HEIGHT_STEP);
  const x = l.xAt(CHART.offset, geometry.width);
  l.charts.place(likertConfig(chunk.rows, s.scale, geometry, l.rtl), geometry, x, chunk.top, height);
  // Tick labels under the bars, where the hidden x axis puts them.
  for (const tick of s.axis.ticks) {
    const fraction = (tick.value - geometry.min) / (geometry.max - geometry.min);
    const px = l.rtl ? x + geometry.width * (1 - fraction) : x + geometry.width * fraction;
    l.textAt(tick.label, px - 15, chunk.top + height + 1, 30, { size: SIZE.tiny - 0.5, color: palette.muted, align: 'center' });
  }
  l.y = chunk.top + height + AXIS_HEIGHT;
}

const TITLE_WIDTH = TEXT.offset + TEXT.width;
const TITLE_STYLE = { size: SIZE.small + 0.5, font: 'bold', color: palette.primaryDark } as const;

function groupTitleHeight(l: Layout, title: string): number {
  return l.measure(title, TITLE_WIDTH, TITLE_STYLE) + 8;
}

/** A section title over its items, in the text columns only (the chart image covers the others). */
function drawGroupTitle(l: Layout, title: string): void {
  const height = groupTitleHeight(l, title);
  l.textAt(title, l.xAt(0, TITLE_WIDTH), l.y + 6, TITLE_WIDTH, TITLE_STYLE);
  l.y += height;
}

function itemHeight(l: Layout, item: LikertItem): number {
  const text = l.measure(itemText(item), TEXT.width, { size: ITEM_SIZE });
  return Math.max(ROW.min, text) + ROW.pad;
}

function itemText(item: LikertItem): string {
  return item.badge ? `${item.text} (${item.badge})` : item.text;
}

/** A share in the figures column, after a small swatch of its bar's colour on the start side. */
function figure(l: Layout, label: string, color: string, y: number): void {
  const swatch = 5;
  l.doc.save().rect(l.xAt(FIGURES.offset + 3, swatch), y + 3, swatch, swatch).fillColor(color).fill().restore();
  l.textAt(label, l.xAt(FIGURES.offset + 3 + swatch + 2, FIGURES.width - swatch - 5), y, FIGURES.width - swatch - 5, { size: SIZE.tiny - 0.5, align: 'center' });
}

function drawItemText(l: Layout, item: LikertItem, height: number): void {
  const top = l.y + ROW.pad / 2;
  l.textAt(item.number, l.xAt(NUMBER.offset, NUMBER.width), top, NUMBER.width, { size: ITEM_SIZE, font: 'bold', color: palette.muted });
  l.textAt(itemText(item), l.xAt(TEXT.offset, TEXT.width), top, TEXT.width, { size: ITEM_SIZE });
  const fx = l.xAt(FIGURES.offset, FIGURES.width);
  const mid = l.y + height / 2;
  if (item.notApplicableLabel === null) {
    l.textAt(item.dontKnowLabel, fx, mid - 10, FIGURES.width, { size: SIZE.tiny, align: 'center' });
  } else {
    // Two shares: each after a swatch of its bar's colour, so neither needs a word.
    figure(l, item.dontKnowLabel, palette.dontKnow, mid - 15);
    figure(l, item.notApplicableLabel, palette.notApplicable, mid - 7.5);
  }
  l.textAt(item.nLabel, fx, mid, FIGURES.width, { size: SIZE.tiny - 1.5, color: palette.faint, align: 'center' });
  const ruleX = l.xAt(0, TEXT.offset + TEXT.width);
  l.doc.save().moveTo(ruleX, l.y + height).lineTo(ruleX + TEXT.offset + TEXT.width, l.y + height).lineWidth(0.4).strokeColor(palette.rule).stroke().restore();
}
