import ExcelJS from 'exceljs';
import type { PresentedResults } from '../domain/presentResults.js';
import type { Lang } from '../questionnaire/localize.js';
import type { Questionnaire } from '../questionnaire/schema.js';
import { addNote, addTableSheet, type Cell, type Column, FMT, PRINT } from './xlsxTable.js';
import { type XlsxStrings, xlsxStrings } from './xlsxStrings.js';
import { withFixedZipTimes } from './xlsxZipTimes.js';

// The results workbook: the figures of presentResults (anonymity rules already applied: below k the lists
// are empty and breakdown groups below k are marked suppressed) laid out one table per sheet. exceljs
// cannot write native charts, so the workbook holds figures only and says where the charts are.

export interface WorkbookAction {
  title: string;
  /** What the action is for (a dimension, section or items), in the workbook's language. */
  target: string;
  owner: string;
  /** Formatted in the workbook's language (Jalali in fa). */
  due: string;
  status: 'planned' | 'doing' | 'done' | 'dropped';
  overdue: boolean;
}

export interface WorkbookInput {
  lang: Lang;
  q: Questionnaire;
  r: PresentedResults;
  organization: string;
  assessment: { title: string };
  /** Already formatted in the workbook's language (Jalali in fa). */
  generatedOn: string;
  /** The workbook's created/modified properties: the day it was made, so a day's downloads are the same file. */
  day: Date;
  /** The assessment's action plan; the sheet is left out when there is none. */
  actions?: WorkbookAction[] | null;
}

export async function resultsWorkbook(input: WorkbookInput): Promise<Buffer> {
  const { lang, r } = input;
  const s = xlsxStrings(lang);
  const rtl = lang === 'fa';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mehvar';
  wb.created = input.day;
  wb.modified = input.day;
  wb.title = `${s.summary.title}: ${input.assessment.title}`;
  summarySheet(wb, input, s, rtl);
  // Below k in the figures: counts only (domain/anonymity.ts), so no sheet of figures at all.
  if (r.snapshot?.figuresShown ?? true) {
    dimensionsSheet(wb, input, s, rtl);
    levelsSectionsSheet(wb, input, s, rtl);
    itemsSheet(wb, input, s, rtl);
    breakdownsSheet(wb, input, s, rtl);
    recommendationsSheet(wb, input, s, rtl);
    if (input.actions?.length) actionsSheet(wb, input.actions, s, rtl);
  }
  return withFixedZipTimes(Buffer.from(await wb.xlsx.writeBuffer()));
}

function summarySheet(wb: ExcelJS.Workbook, { q, r, lang, organization, assessment, generatedOn }: WorkbookInput, s: XlsxStrings, rtl: boolean): void {
  const t = s.summary;
  const ws = wb.addWorksheet(s.sheets.summary, { views: [{ rightToLeft: rtl }], pageSetup: { ...PRINT, orientation: 'portrait' } });
  ws.columns = [{ width: 44 }, { width: 48 }];
  const title = ws.addRow([t.title]);
  title.font = { bold: true, size: 14 };
  ws.addRow([]);
  const line = (label: string, value: Cell, numFmt?: string) => {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (numFmt) row.getCell(2).numFmt = numFmt;
    row.getCell(2).alignment = { horizontal: rtl ? 'right' : 'left', wrapText: true, readingOrder: rtl ? 'rtl' : 'ltr' };
  };
  const shown = r.snapshot?.figuresShown ?? true;
  line(t.organization, organization);
  line(t.assessment, assessment.title);
  line(t.generated, generatedOn);
  line(t.questionnaire, `${q.title[lang]} (v${q.version})`);
  line(t.threshold, r.anonymityThreshold, FMT.count);
  line(t.submitted, r.respondents.submitted, FMT.count);
  if (r.respondents.invited > 0) line(t.invited, r.respondents.invited, FMT.count);
  if (r.respondents.responseRate !== null) line(t.responseRate, r.respondents.responseRate, FMT.percent);
  if (!shown) {
    addNote(ws, t.withheld(r.anonymityThreshold), 2, rtl);
    return;
  }
  if (r.snapshot) line(t.inFigures, r.snapshot.inFigures, FMT.count);
  line(t.overall, r.overall.score, FMT.score);
  if (r.overall.level) line(t.overallLevel, `${r.overall.level.value} — ${r.overall.level.name}`);
  for (const d of r.dimensions) line(d.name, d.score, FMT.score);
  line(t.straightLining, r.quality.straightLining, FMT.count);
  if (r.snapshot && r.snapshot.pending > 0) addNote(ws, t.pending(r.snapshot.pending, r.snapshot.nextUpdateAfter), 2, rtl);
  addNote(ws, t.noChart, 2, rtl);
}

const groupColumns = (c: XlsxStrings['columns']): Column[] => [
  { label: c.score, width: 10, numFmt: FMT.score },
  { label: c.n, width: 8, numFmt: FMT.count },
  { label: c.sd, width: 10, numFmt: FMT.score },
  { label: c.ciLow, width: 14, numFmt: FMT.score },
  { label: c.ciHigh, width: 14, numFmt: FMT.score },
];

function dimensionsSheet(wb: ExcelJS.Workbook, { r }: WorkbookInput, s: XlsxStrings, rtl: boolean): void {
  const c = s.columns;
  const columns: Column[] = [
    { label: c.id, width: 14 }, { label: c.name, width: 24 }, ...groupColumns(c),
    { label: c.level, width: 8, numFmt: FMT.count }, { label: c.levelName, width: 22 },
    { label: c.alpha, width: 12, numFmt: FMT.coefficient }, { label: c.rwg, width: 14, numFmt: FMT.coefficient },
    { label: c.target, width: 10, numFmt: FMT.score }, { label: c.gap, width: 12, numFmt: FMT.signed },
  ];
  const rows = r.dimensions.map((d): Cell[] => [
    d.id, d.name, d.score, d.n, d.sd, d.ci95?.[0] ?? null, d.ci95?.[1] ?? null,
    d.level?.value ?? null, d.level?.name ?? null, d.alpha, d.rwg, d.target, d.gap,
  ]);
  addTableSheet(wb, s.sheets.dimensions, rtl, columns, rows);
}

function levelsSectionsSheet(wb: ExcelJS.Workbook, { r }: WorkbookInput, s: XlsxStrings, rtl: boolean): void {
  const c = s.columns;
  const columns: Column[] = [{ label: c.kind, width: 10 }, { label: c.id, width: 16 }, { label: c.name, width: 40, wrap: true }, ...groupColumns(c)];
  const row = (kind: string, id: string, name: string, g: { score: number | null; n: number; sd: number | null; ci95: [number, number] | null }): Cell[] =>
    [kind, id, name, g.score, g.n, g.sd, g.ci95?.[0] ?? null, g.ci95?.[1] ?? null];
  const rows = [...r.levels.map((l) => row(s.kinds.level, l.id, l.name, l)), ...r.sections.map((x) => row(s.kinds.section, x.id, x.title, x))];
  addTableSheet(wb, s.sheets.levelsSections, rtl, columns, rows);
}

function itemsSheet(wb: ExcelJS.Workbook, { q, r, lang }: WorkbookInput, s: XlsxStrings, rtl: boolean): void {
  const c = s.columns;
  const points = [...new Set(q.items.flatMap((i) => Array.from({ length: i.scale.max - i.scale.min + 1 }, (_, k) => i.scale.min + k)))].sort((a, b) => a - b);
  // Only where the questionnaire offers "not applicable" (mehvar-core v2), as in the PDF.
  const offersNa = Boolean(q.notApplicableLabel);
  const section = new Map(q.sections.map((x) => [x.id, x.title[lang]]));
  const dimension = new Map(q.dimensions.map((d) => [d.id, d.name[lang]]));
  const level = new Map(q.levels.map((l) => [l.id, l.name[lang]]));
  const columns: Column[] = [
    { label: c.number, width: 6, numFmt: FMT.count }, { label: c.id, width: 22 }, { label: c.section, width: 20, wrap: true },
    { label: c.dimension, width: 12 }, { label: c.level, width: 18 }, { label: c.reverse, width: 8 }, { label: c.text, width: 60, wrap: true },
    { label: c.score, width: 9, numFmt: FMT.score }, { label: c.n, width: 7, numFmt: FMT.count },
    ...points.map((p) => ({ label: s.count(q.scaleLabels[String(p)]?.[lang] ?? String(p)), width: 12, numFmt: FMT.count })),
    { label: c.dontKnow, width: 10, numFmt: FMT.count }, { label: c.dontKnowShare, width: 11, numFmt: FMT.percent },
    ...(offersNa ? [{ label: c.notApplicable, width: 11, numFmt: FMT.count }, { label: c.notApplicableShare, width: 12, numFmt: FMT.percent }] : []),
    { label: c.alphaIfDeleted, width: 11, numFmt: FMT.coefficient },
  ];
  const rows = r.items.map((i, index): Cell[] => {
    const dk = i.distribution.dontKnow ?? 0;
    const na = i.distribution.notApplicable ?? 0;
    // As in the PDF: shares among everyone who gave any answer (a scale point, don't know or not applicable).
    const answered = i.n + dk + na;
    const share = (x: number) => (answered === 0 ? null : x / answered);
    return [
      index + 1, i.id, section.get(i.section) ?? i.section, dimension.get(i.dimension) ?? i.dimension, level.get(i.level) ?? i.level,
      i.reverse ? s.yes : s.no, i.text, i.score, i.n, ...points.map((p) => i.distribution[String(p)] ?? 0),
      dk, share(dk), ...(offersNa ? [na, share(na)] : []), i.alphaIfDeleted,
    ];
  });
  addTableSheet(wb, s.sheets.items, rtl, columns, rows);
}

function breakdownsSheet(wb: ExcelJS.Workbook, { r }: WorkbookInput, s: XlsxStrings, rtl: boolean): void {
  const c = s.columns;
  const t = s.breakdowns;
  const columns: Column[] = [
    { label: c.breakdown, width: 16 }, { label: c.group, width: 28 }, { label: c.n, width: 8, numFmt: FMT.count },
    ...r.dimensions.map((d) => ({ label: d.name, width: 14, numFmt: FMT.score })),
  ];
  // A suppressed group is left out altogether: not even its name stands beside an empty score here.
  const rows: Cell[][] = [];
  for (const [kind, groups] of [[t.role, r.breakdowns.role], [t.department, r.breakdowns.department]] as const)
    for (const g of groups) {
      if (g.suppressed || !g.dimensions) continue;
      const name = kind === t.role ? (t.roles[g.group] ?? g.group) : g.group;
      rows.push([kind, name, g.n ?? null, ...r.dimensions.map((d) => g.dimensions!.find((x) => x.id === d.id)?.score ?? null)]);
    }
  if (r.perceptionGap) rows.push([t.gapRow, t.gapTitle, null, ...r.dimensions.map((d) => r.perceptionGap!.find((g) => g.dimension === d.id)?.gap ?? null)]);
  const ws = addTableSheet(wb, s.sheets.breakdowns, rtl, columns, rows);
  if (r.perceptionGap) for (let i = 0; i < r.dimensions.length; i++) ws.getRow(rows.length + 1).getCell(4 + i).numFmt = FMT.signed;
  addNote(ws, t.suppressedNote(r.anonymityThreshold), columns.length, rtl);
}

function recommendationsSheet(wb: ExcelJS.Workbook, { q, r, lang }: WorkbookInput, s: XlsxStrings, rtl: boolean): void {
  const c = s.columns;
  const section = new Map(q.sections.map((x) => [x.id, x.title[lang]]));
  const item = new Map(q.items.map((i) => [i.id, i.text[lang]]));
  const columns: Column[] = [
    { label: c.rank, width: 7, numFmt: FMT.count }, { label: c.priority, width: 10 }, { label: c.recommendation, width: 60, wrap: true },
    { label: c.targetOf, width: 30, wrap: true }, { label: c.score, width: 9, numFmt: FMT.score }, { label: c.target, width: 9, numFmt: FMT.score },
    { label: c.source, width: 28, wrap: true }, { label: c.quote, width: 60, wrap: true },
  ];
  const rows = r.recommendations.map((rec, i): Cell[] => [
    i + 1, s.priority[rec.priority], rec.text[lang],
    'section' in rec.target ? (section.get(rec.target.section) ?? rec.target.section) : (item.get(rec.target.item) ?? rec.target.item),
    rec.score, rec.targetScore, rec.source.title, rec.quote.text,
  ]);
  addTableSheet(wb, s.sheets.recommendations, rtl, columns, rows);
}

function actionsSheet(wb: ExcelJS.Workbook, actions: WorkbookAction[], s: XlsxStrings, rtl: boolean): void {
  const t = s.actions;
  const columns: Column[] = [
    { label: t.title, width: 50, wrap: true }, { label: t.target, width: 32, wrap: true }, { label: t.owner, width: 20 },
    { label: t.due, width: 16 }, { label: t.status, width: 16 }, { label: t.overdue, width: 12 },
  ];
  addTableSheet(wb, s.sheets.actions, rtl, columns, actions.map((a) => [a.title, a.target, a.owner, a.due, t.statuses[a.status], a.overdue ? s.yes : s.no]));
}
