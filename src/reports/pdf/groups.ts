import type { GroupBlock, GroupsSection } from '../model/types.js';
import { groupBarsConfig } from './charts.js';
import { CONTENT, GAP, SIZE, type Layout } from './layout.js';
import { palette } from './palette.js';
import { drawTable, tableHeight } from './tableBlock.js';

const CHART_HEIGHT = 150;
const KEEP_TABLE = 200;

/** Roles (with the manager–staff perception gap beside them), then departments: grouped bars and a table each. */
export function drawGroups(l: Layout, s: GroupsSection): void {
  l.title(s.title);
  l.paragraph(s.intro, {}, GAP.block);
  block(l, s.role);
  l.heading(s.gap.title, 80, SIZE.subheading + 1);
  if (s.gap.table) drawTable(l, s.gap.table, { size: SIZE.small });
  l.paragraph(s.gap.text, {}, GAP.block);
  block(l, s.department);
}

function block(l: Layout, b: GroupBlock): void {
  // A short table stays on the page of its chart and heading.
  const table = b.table.rows.length ? Math.min(tableHeight(l, b.table, { size: SIZE.small }), KEEP_TABLE) : 0;
  l.heading(b.title, (b.chart ? CHART_HEIGHT + GAP.paragraph : 0) + table + 10, SIZE.subheading + 1);
  if (b.chart) {
    const size = { width: Math.round(CONTENT.width), height: CHART_HEIGHT };
    l.ensure(size.height);
    l.charts.place(groupBarsConfig(b.chart, l.rtl, l.locale), size, CONTENT.left, l.y);
    l.y += size.height + GAP.paragraph;
  }
  if (b.empty) l.paragraph(b.empty, { color: palette.muted });
  if (b.table.rows.length) drawTable(l, b.table, { size: SIZE.small });
  l.y += GAP.paragraph;
}
