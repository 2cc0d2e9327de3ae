import type { CustomerViewSection } from '../model/customerView.js';
import type { TextDirection } from '../model/types.js';
import { palette } from '../pdf/palette.js';
import { heading, para, SIZE, table, title } from './blocks.js';
import type { Block } from './resultSections.js';

/** "In the customers' eyes" in the DOCX report: the ranked gaps as a table (the PDF also draws them), then the recommendations. */
export function customerViewBlocks(s: CustomerViewSection, dir: TextDirection): Block[] {
  const out: Block[] = [title(s.title, dir)];
  if (s.notShown) return [...out, para(s.notShown, dir)];
  out.push(para(s.intro, dir, { after: 10 }));
  if (s.table) out.push(heading(s.rankedTitle, dir), table(s.table, dir, { size: SIZE.small }));
  for (const note of s.notes) out.push(para(note, dir, { size: SIZE.small, color: palette.muted, after: 4 }));
  if (s.recommendations.length) out.push(heading(s.recommendationsTitle, dir));
  for (const r of s.recommendations)
    out.push(
      para(r.factor, dir, { bold: true, after: 2, keepNext: true }),
      para(r.text, dir, { after: 3, keepNext: true }),
      para(r.source, dir, { size: SIZE.tiny, color: palette.faint, after: 2, keepNext: true }),
      para(r.quote, dir, { size: SIZE.small, color: palette.muted, after: 12 }),
    );
  return out;
}
