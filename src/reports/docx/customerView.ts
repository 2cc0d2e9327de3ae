import type { CustomerViewSection } from '../model/customerView.js';
import { pairedBarsConfig } from '../pdf/customerView.js';
import { palette } from '../pdf/palette.js';
import { heading, para, SIZE, table, title } from './blocks.js';
import { chartParagraph, renderChartImage } from './charts.js';
import { type Block, type Ctx, WIDTH } from './resultSections.js';

/** Height of one factor's pair of bars, as in the PDF. */
const ROW = 24;

/** "In the customers' eyes" in the DOCX report: the paired bars, the ranked gaps as a table, then the recommendations. */
export async function customerViewBlocks(s: CustomerViewSection, ctx: Ctx): Promise<Block[]> {
  const { dir } = ctx;
  const out: Block[] = [title(s.title, dir)];
  if (s.notShown) return [...out, para(s.notShown, dir)];
  out.push(para(s.intro, dir, { after: 10 }));
  // The PDF's paired bars (staff against customers per factor), drawn as a print-resolution image.
  if (s.chart) out.push(chartParagraph(await renderChartImage(pairedBarsConfig(s.chart, ctx.rtl, ctx.locale), { width: WIDTH, height: 40 + ROW * s.chart.categories.length }), s.title));
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
