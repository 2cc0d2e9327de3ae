import type { ActionsSection } from '../model/actions.js';
import { GAP, SIZE, type Layout } from './layout.js';
import { palette } from './palette.js';
import { drawTable, tableHeight } from './tableBlock.js';

/** A heading stays with at least this much of the table under it (a long table may go on over pages). */
const KEEP_TABLE = 110;

/** An action section: its title kept with the intro and the start of the first table, each table under its own heading. */
export function drawActions(l: Layout, s: ActionsSection): void {
  l.y += GAP.block * 2;
  const first = s.groups[0];
  const start = (table: ActionsSection['groups'][number]['table']) => Math.min(tableHeight(l, table), KEEP_TABLE) + GAP.block;
  l.heading(s.title, l.measure(s.intro, 500, { size: SIZE.small }) + (first ? (first.heading ? 24 : 0) + start(first.table) : 0));
  l.paragraph(s.intro, { size: SIZE.small, color: palette.muted }, GAP.block);
  for (const g of s.groups) {
    if (g.heading) l.heading(g.heading, start(g.table), SIZE.subheading);
    drawTable(l, g.table);
  }
  for (const note of s.notes) l.paragraph(note, { size: SIZE.tiny + 0.5, color: palette.muted }, GAP.block);
}
