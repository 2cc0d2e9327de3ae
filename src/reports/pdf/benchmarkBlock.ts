import type { BenchmarkSection } from '../model/types.js';
import { GAP, SIZE, type Layout } from './layout.js';
import { palette } from './palette.js';
import { drawTable, tableHeight } from './tableBlock.js';

/** A short block after the recommendations: the organization's percentiles among unnamed peers. */
export function drawBenchmark(l: Layout, s: BenchmarkSection): void {
  l.y += GAP.block * 2;
  l.heading(s.title, l.measure(s.intro, 500, { size: SIZE.small }) + tableHeight(l, s.table) + GAP.block);
  l.paragraph(s.intro, { size: SIZE.small, color: palette.muted }, GAP.block);
  drawTable(l, s.table);
}
