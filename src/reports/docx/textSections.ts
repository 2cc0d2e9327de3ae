import { BorderStyle, Paragraph, ShadingType, Table as DocxTable, TableCell, TableRow, WidthType } from 'docx';
import type { CommentsSection } from '../model/comments.js';
import type { BenchmarkSection, CoverModel, DirectedText, MethodologySection, NoResponsesSection, RecommendationsSection, ReportBranding, Table, TextDirection } from '../model/types.js';
import { firmBlock } from './branding.js';
import { palette } from '../pdf/palette.js';
import { CONTENT_TWIPS, heading, pairs, para, paragraphOf, run, SIZE, spacer, table, title } from './blocks.js';
import type { Block } from './resultSections.js';

// The cover and the sections of text: recommendations, comments, the benchmark and the methodology.

/** The organization on a coloured band, the assessment under it, then the facts and the anonymity note. */
export function coverBlocks(c: CoverModel, dir: TextDirection, brand: ReportBranding): Block[] {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const band = new DocxTable({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: [CONTENT_TWIPS],
    visuallyRightToLeft: dir === 'rtl',
    borders: { top: none, bottom: { style: BorderStyle.SINGLE, size: 36, color: palette.accent.slice(1).toUpperCase() }, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: palette.primary.slice(1).toUpperCase() },
            margins: { top: 500, bottom: 500, left: 400, right: 400 },
            children: [
              para(c.kicker, dir, { size: SIZE.subheading + 1, color: palette.primaryWash, after: 14 }),
              para(c.organization, dir, { size: 26, bold: true, color: palette.white, after: 4 }),
              ...(c.organizationAlt ? [para(c.organizationAlt, dir, { size: SIZE.subheading + 2, color: palette.primaryWash, after: 0 })] : []),
            ],
          }),
        ],
      }),
    ],
  });
  return [
    ...firmBlock(brand, dir === 'rtl'),
    band,
    spacer(18),
    para(c.assessment, dir, { size: 17, bold: true, color: palette.primaryDark, after: 14 }),
    pairs(c.facts, dir),
    spacer(24),
    para(c.note, dir, { size: SIZE.small, color: palette.muted }),
  ];
}

export function noResponsesBlocks(s: NoResponsesSection, dir: TextDirection): Block[] {
  return [title(s.title, dir), ...s.paragraphs.map((p) => para(p, dir, { after: 10 }))];
}

export function recommendationsBlocks(s: RecommendationsSection, dir: TextDirection): Block[] {
  const out: Block[] = [title(s.title, dir), para(s.intro, dir, { size: SIZE.small, color: palette.muted, after: 10 })];
  if (s.empty) out.push(para(s.empty, dir));
  for (const r of s.items) {
    out.push(
      paragraphOf([
        run(`${r.rank}  `, dir, { size: SIZE.subheading + 2, bold: true, color: palette.priority[r.priority] }),
        run(`${r.priorityLabel}`, dir, { bold: true, color: palette.priority[r.priority] }),
        run(' · ', dir, { color: palette.muted }),
        run(r.target.text, r.target.dir, { size: SIZE.small, color: palette.muted }),
        run(` · ${r.figures}`, dir, { size: SIZE.small, color: palette.muted }),
      ], dir, { after: 2, keepNext: true }),
      para(r.text, dir, { after: 3, keepNext: true }),
      para(`${r.sourceLabel}: ${r.sourceTitle}`, dir, { size: SIZE.tiny, color: palette.faint, after: 2, keepNext: true }),
      quote(r.quote.text, r.quote.dir, r.note ? 2 : 12),
    );
    if (r.note) out.push(para(r.note, dir, { size: SIZE.tiny, color: palette.faint, after: 12 }));
  }
  return out;
}

/** A quotation: indented on the start side with a bar beside it, in the quote's own direction. */
export function quote(text: string, dir: TextDirection, after: number): Paragraph {
  return new Paragraph({
    bidirectional: dir === 'rtl',
    indent: { start: 240 },
    border: { [dir === 'rtl' ? 'right' : 'left']: { style: BorderStyle.SINGLE, size: 12, color: palette.rule.slice(1).toUpperCase(), space: 6 } },
    spacing: { after: after * 20 },
    children: [run(text, dir, { size: SIZE.small, color: palette.muted })],
  });
}

export function commentsBlocks(s: CommentsSection, dir: TextDirection): Block[] {
  const out: Block[] = [title(s.title, dir), para(s.intro, dir, { size: SIZE.small, color: palette.muted, after: 10 })];
  for (const sec of s.sections) {
    out.push(heading(sec.heading, dir));
    if (sec.themes.length)
      out.push(
        paragraphOf(
          [run(`${s.themesLabel} `, dir, { size: SIZE.small, bold: true }), ...sec.themes.flatMap((th, i) => [run(th.term.text, th.term.dir, { size: SIZE.small }), run(` (${th.count})${i < sec.themes.length - 1 ? '   ' : ''}`, dir, { size: SIZE.small, color: palette.muted })])],
          dir,
        ),
      );
    for (const q of sec.quotes) {
      out.push(quote(q.text.text, q.text.dir, q.who ? 1 : 8));
      if (q.who) out.push(para(q.who, dir, { size: SIZE.tiny, color: palette.faint, after: 8 }));
    }
  }
  return out;
}

export function benchmarkBlocks(s: BenchmarkSection, dir: TextDirection): Block[] {
  return [spacer(12), title(s.title, dir, false), para(s.intro, dir, { size: SIZE.small, color: palette.muted }), table(s.table, dir)];
}

export function methodologyBlocks(m: MethodologySection, dir: TextDirection): Block[] {
  const out: Block[] = [title(m.title, dir)];
  for (const b of m.blocks) {
    out.push(heading(b.heading, dir));
    for (const p of b.paragraphs) out.push(para(p, dir, { size: SIZE.small + 0.5 }));
    // Formulas read left to right in both languages.
    for (const f of b.formulas)
      out.push(new Paragraph({ alignment: 'center', shading: { type: ShadingType.CLEAR, color: 'auto', fill: palette.wash.slice(1).toUpperCase() }, spacing: { before: 60, after: 120 }, children: [run(f, 'ltr', { size: SIZE.small, color: palette.primaryDark })] }));
  }
  out.push(heading(m.reliability.title, dir), table(m.reliability.table, dir));
  out.push(heading(m.counts.title, dir), table(m.counts.table, dir, { width: 0.7 }));
  out.push(heading(m.flagged.title, dir), para(m.flagged.text, dir, { size: SIZE.small + 0.5 }));
  if (m.flagged.ids.length) out.push(para({ text: m.flagged.ids.join('   '), dir: 'ltr' }, dir, { size: SIZE.tiny, color: palette.muted }));
  return out;
}

const DATA_KEYS = new Set(['kind', 'title', 'id', 'priority', 'tone', 'dir', 'lang', 'weight', 'numeric', 'emphasis']);

const isTable = (v: unknown): v is Table =>
  typeof v === 'object' && v !== null && Array.isArray((v as Table).columns) && Array.isArray((v as Table).rows);
const isDirected = (v: unknown): v is DirectedText =>
  typeof v === 'object' && v !== null && typeof (v as DirectedText).text === 'string' && ((v as DirectedText).dir === 'rtl' || (v as DirectedText).dir === 'ltr') && Object.keys(v).length === 2;

/**
 * A section of the model this renderer has no layout of its own for: its title, then its text and tables in
 * model order, so the Word report never silently leaves out a section the PDF shows.
 */
export function anySectionBlocks(section: { kind: string }, dir: TextDirection): Block[] {
  const out: Block[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.trim()) out.push(para(value, dir));
    } else if (isTable(value)) out.push(table(value, dir));
    else if (isDirected(value)) out.push(para(value, dir));
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) for (const [key, v] of Object.entries(value)) if (!DATA_KEYS.has(key)) visit(v);
  };
  const { title: heading } = section as { title?: unknown };
  if (typeof heading === 'string') out.push(title(heading, dir));
  visit(section);
  return out;
}
