import { GAP, SIZE, type Layout } from '../pdf/layout.js';
import { palette } from '../pdf/palette.js';
import { drawTable } from '../pdf/tableBlock.js';
import type { TrendCustomersSection } from './customers.js';

// Apart from the section's model (customers.ts), so the comparison report's model loads without the drawing code.
export function drawTrendCustomers(l: Layout, s: TrendCustomersSection): void {
  l.title(s.title);
  l.paragraph(s.intro, {}, GAP.block);
  drawTable(l, s.table, { size: SIZE.small });
  l.paragraph(s.note, { size: SIZE.small, color: palette.muted }, GAP.block);
}
