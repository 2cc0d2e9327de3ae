import type { ActionsSection } from '../model/actions.js';
import { palette } from '../pdf/palette.js';
import { heading, para, SIZE, spacer, table, title } from './blocks.js';
import type { Block, Ctx } from './resultSections.js';

// The action plan (issue 19), laid out as the PDF lays it out (pdf/actions.ts), as editable tables.

/** Follows the recommendations on their page, as in the PDF: a heading, not a new page. */
export function actionsBlocks(s: ActionsSection, dir: Ctx['dir']): Block[] {
  const out: Block[] = [spacer(12), title(s.title, dir, false), para(s.intro, dir, { size: SIZE.small, color: palette.muted, after: 10 })];
  for (const g of s.groups) {
    if (g.heading) out.push(heading(g.heading, dir));
    out.push(table(g.table, dir), spacer());
  }
  for (const note of s.notes) out.push(para(note, dir, { size: SIZE.tiny + 0.5, color: palette.muted }));
  return out;
}
