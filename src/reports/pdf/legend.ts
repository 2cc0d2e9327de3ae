import { SIZE, type Layout } from './layout.js';
import { palette } from './palette.js';

export interface LegendEntry {
  label: string;
  color: string;
  /** A filled square, or a whisker (a line with end caps) for confidence intervals. */
  shape?: 'box' | 'whisker';
}

const SWATCH = 8;
const SPACING = 14;

export function legendWidth(l: Layout, entries: LegendEntry[]): number {
  return entries.reduce((w, e) => w + SWATCH + 4 + l.widthOf(e.label, { size: SIZE.tiny }) + SPACING, -SPACING);
}

/**
 * One line of legend entries in reading order from the start side, `offset` points in. Returns the
 * height used.
 */
export function drawLegend(l: Layout, entries: LegendEntry[], y: number, offset = 0): number {
  let at = offset;
  for (const e of entries) {
    const labelWidth = l.widthOf(e.label, { size: SIZE.tiny });
    const swatchX = l.xAt(at, SWATCH);
    const mid = y + 6;
    if (e.shape === 'whisker') {
      l.doc.save().lineWidth(1).strokeColor(e.color)
        .moveTo(swatchX, mid).lineTo(swatchX + SWATCH, mid)
        .moveTo(swatchX, mid - 3).lineTo(swatchX, mid + 3)
        .moveTo(swatchX + SWATCH, mid - 3).lineTo(swatchX + SWATCH, mid + 3)
        .stroke().restore();
    } else {
      l.doc.save().rect(swatchX, mid - SWATCH / 2, SWATCH, SWATCH).fillColor(e.color).fill().restore();
    }
    l.textAt(e.label, l.xAt(at + SWATCH + 4, labelWidth + 1), y, labelWidth + 1, { size: SIZE.tiny, color: palette.ink });
    at += SWATCH + 4 + labelWidth + SPACING;
  }
  return 14;
}
