import type { ScoresSection } from '../model/types.js';
import { scoreBarsConfig } from './charts.js';
import { CONTENT, GAP, SIZE, type Layout } from './layout.js';
import { drawLegend } from './legend.js';
import { palette } from './palette.js';
import { drawTable } from './tableBlock.js';

const BAR_ROW = 19;
const AXIS_SPACE = 38;

/** Level and section scores: bars with 95% CI whiskers, then the same figures as a table. */
export function drawScores(l: Layout, s: ScoresSection): void {
  l.title(s.title);
  l.paragraph(s.intro, {}, GAP.block);
  const size = { width: Math.round(CONTENT.width), height: s.chart.bars.length * BAR_ROW + AXIS_SPACE };
  l.ensure(size.height + 20);
  l.charts.place(scoreBarsConfig(s.chart.bars, s.chart.scoreLabel, l.rtl, l.locale), size, CONTENT.left, l.y);
  l.y += size.height + 4;
  l.y += drawLegend(l, [
    { label: s.chart.levelLabel, color: palette.levelBar },
    { label: s.chart.sectionLabel, color: palette.sectionBar },
    { label: s.chart.ciLabel, color: palette.whisker, shape: 'whisker' },
  ], l.y) + GAP.block;
  drawTable(l, s.table, { size: SIZE.small });
}
