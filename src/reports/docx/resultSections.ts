import { Paragraph, type Table as DocxTable } from 'docx';
import { groupBarsConfig, radarConfig, scoreBarsConfig } from '../pdf/charts.js';
import { likertColour, palette } from '../pdf/palette.js';
import type { DistributionsSection, GroupBlock, GroupsSection, ProfileSection, ReportModel, ScoresSection, SummarySection, Table, TextDirection } from '../model/types.js';
import { heading, pairs, para, paragraphOf, run, SIZE, spacer, table, title } from './blocks.js';
import { chartParagraph, renderChartImage } from './charts.js';
import { likertChartSize, likertOverviewConfig } from './likert.js';

// The sections with figures and charts. The charts are the PDF's own Chart.js configurations, at the
// PDF's sizes (in points); every figure also stands in a table, so it can be edited and copied.

export type Block = Paragraph | DocxTable;

/** The width of the text column in points (A4 less 2 cm margins). */
export const WIDTH = 482;
const RADAR = { width: 300, height: 290 } as const;
const BAR_ROW = 19;
const AXIS_SPACE = 38;
const GROUP_CHART_HEIGHT = 170;

export interface Ctx {
  dir: TextDirection;
  rtl: boolean;
  locale: ReportModel['locale'];
}

export const ctxOf = (m: ReportModel): Ctx => ({ dir: m.dir, rtl: m.dir === 'rtl', locale: m.locale });

export function summaryBlocks(s: SummarySection, { dir }: Ctx): Block[] {
  const out: Block[] = [title(s.title, dir), para(s.intro, dir, { after: 10 })];
  out.push(paragraphOf([run(`${s.overall.label}: `, dir, { color: palette.muted }), run(s.overall.score, dir, { size: 24, bold: true, color: palette.primaryDark }), run(` ${s.overall.outOf}`, dir, { size: SIZE.small, color: palette.muted })], dir));
  if (s.overall.level) {
    out.push(para(s.overall.level.label, dir, { size: SIZE.subheading + 1, bold: true, color: palette.primaryDark }));
    if (s.overall.level.description) out.push(para(s.overall.level.description, dir, { size: SIZE.small }));
  }
  for (const note of s.notes) out.push(para(note, dir, { size: SIZE.small, color: palette.accent }));
  // The dimension cards, as a table of one column per dimension.
  const cards: Table = {
    columns: s.dimensions.map((d) => ({ label: d.name, weight: 1 })),
    rows: [
      { cells: s.dimensions.map((d) => ({ text: d.score, dir })), emphasis: true },
      { cells: s.dimensions.map((d) => ({ text: d.level, dir })) },
      ...(s.dimensions.some((d) => d.target) ? [{ cells: s.dimensions.map((d) => ({ text: d.target ?? '', dir })) }] : []),
      ...(s.dimensions.some((d) => d.description) ? [{ cells: s.dimensions.map((d) => ({ text: d.description ?? '', dir })) }] : []),
    ],
  };
  out.push(spacer(), table(cards, dir, { size: SIZE.body }), spacer());
  if (s.highlights.length) out.push(pairs(s.highlights, dir));
  out.push(heading(s.urgentTitle, dir));
  if (s.urgentEmpty) out.push(para(s.urgentEmpty, dir, { color: palette.muted }));
  for (const a of s.urgent)
    out.push(
      paragraphOf([run(`${a.priorityLabel} · `, dir, { bold: true, color: palette.priority[a.priority] }), run(a.text, dir)], dir, { after: 2 }),
      para(a.target, dir, { size: SIZE.small, color: palette.muted }),
    );
  return out;
}

export async function profileBlocks(p: ProfileSection, ctx: Ctx): Promise<Block[]> {
  const { dir } = ctx;
  const radar = await renderChartImage(radarConfig(p.radar, ctx.rtl, ctx.locale), RADAR);
  const ladder: Table = {
    columns: [{ label: '', weight: 0.6, numeric: true }, { label: '', weight: 2 }, { label: '', weight: 1.2, numeric: true }],
    rows: p.ladder.steps.map((step) => ({ cells: [{ text: step.label, dir }, { text: step.name, dir }, { text: step.range, dir }], emphasis: step.level === p.ladder.current })),
  };
  return [
    title(p.title, dir),
    para(p.intro, dir),
    chartParagraph(radar, p.radar.scoreLabel),
    para(p.radarNote, dir, { size: SIZE.small, color: palette.muted }),
    heading(p.ladder.title, dir),
    para(p.ladder.currentLabel, dir, { bold: true, color: palette.accent }),
    table(ladder, dir, { width: 0.7 }),
    spacer(),
    table(p.table, dir),
  ];
}

export async function scoresBlocks(s: ScoresSection, ctx: Ctx): Promise<Block[]> {
  const { dir } = ctx;
  const chart = await renderChartImage(scoreBarsConfig(s.chart.bars, s.chart.scoreLabel, ctx.rtl, ctx.locale), { width: WIDTH, height: s.chart.bars.length * BAR_ROW + AXIS_SPACE });
  return [
    title(s.title, dir),
    para(s.intro, dir),
    chartParagraph(chart, s.title),
    legend([{ label: s.chart.levelLabel, color: palette.levelBar }, { label: s.chart.sectionLabel, color: palette.sectionBar }, { label: s.chart.ciLabel, color: palette.whisker, mark: '├─┤' }], dir),
    table(s.table, dir),
  ];
}

/** Each section's items: their diverging bars, then the share of every answer as figures one can edit. */
export async function distributionsBlocks(s: DistributionsSection, { dir, locale, rtl }: Ctx): Promise<Block[]> {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const out: Block[] = [title(s.title, dir), para(s.intro, dir)];
  out.push(legend([...s.scale.map((p) => ({ label: p.label, color: likertColour(p.tone) })), { label: s.dontKnowLabel, color: palette.dontKnow }, ...(s.notApplicableLabel ? [{ label: s.notApplicableLabel, color: palette.notApplicable }] : [])], dir));
  for (const group of s.groups) {
    const t: Table = {
      columns: [
        { label: '', weight: 0.4, numeric: true },
        { label: '', weight: 3.2 },
        ...s.scale.map((p) => ({ label: p.label, weight: 1.35, numeric: true })),
        { label: s.dontKnowLabel, weight: 1.35, numeric: true },
        ...(s.notApplicableLabel ? [{ label: s.notApplicableLabel, weight: 1.35, numeric: true }] : []),
      ],
      rows: group.items.map((item) => ({
        cells: [
          { text: item.number, dir },
          { text: [item.text, item.badge ? `(${item.badge})` : null, `· ${item.nLabel}`].filter(Boolean).join(' '), dir },
          ...item.shares.map((share) => ({ text: percent.format(share), dir })),
          { text: item.dontKnowLabel, dir },
          ...(item.notApplicableLabel !== null ? [{ text: item.notApplicableLabel, dir }] : s.notApplicableLabel ? [{ text: '', dir }] : []),
        ],
      })),
    };
    out.push(heading(group.title, dir));
    if (group.items.length) out.push(chartParagraph(await renderChartImage(likertOverviewConfig(group.items, s.scale, rtl, locale), likertChartSize(group.items.length, WIDTH)), group.title));
    // Headers a size smaller, so a one-word answer label ("Completely") fits its column unbroken.
    out.push(table(t, dir, { size: SIZE.tiny, headerSize: SIZE.tiny - 1 }));
  }
  return out;
}

export async function groupsBlocks(s: GroupsSection, ctx: Ctx): Promise<Block[]> {
  const { dir } = ctx;
  const out: Block[] = [title(s.title, ctx.dir), para(s.intro, dir)];
  out.push(...(await groupBlock(s.role, ctx)));
  out.push(heading(s.gap.title, dir));
  if (s.gap.table) out.push(table(s.gap.table, dir));
  out.push(para(s.gap.text, dir));
  out.push(...(await groupBlock(s.department, ctx)));
  return out;
}

async function groupBlock(b: GroupBlock, ctx: Ctx): Promise<Block[]> {
  const out: Block[] = [heading(b.title, ctx.dir)];
  // Only the groups that may be shown are in the chart; a suppressed one has only its name in the table.
  if (b.chart) out.push(chartParagraph(await renderChartImage(groupBarsConfig(b.chart, ctx.rtl, ctx.locale), { width: WIDTH, height: GROUP_CHART_HEIGHT }), b.title));
  if (b.empty) out.push(para(b.empty, ctx.dir, { color: palette.muted }));
  if (b.table.rows.length) out.push(table(b.table, ctx.dir));
  return out;
}

/** A line of coloured squares and their labels, as the PDF's legend. */
function legend(entries: { label: string; color: string; mark?: string }[], dir: TextDirection): Paragraph {
  return paragraphOf(
    entries.flatMap((e) => [run(`${e.mark ?? '■'} `, 'ltr', { color: e.color, size: SIZE.small }), run(`${e.label}    `, dir, { size: SIZE.small, color: palette.muted })]),
    dir,
    { after: 8 },
  );
}
