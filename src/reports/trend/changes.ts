import type { DirectedText, Table, TableRow } from '../model/types.js';
import { changeBetween, scoreAt, stars, type Series } from './format.js';
import type { TrendCtx } from './model.js';
import type { ChangeTable, ChangesSection } from './types.js';

const DASH = '—';

/**
 * The table of changes: first → last (when there are more than two assessments), then each consecutive
 * pair, for overall readiness and the dimensions; levels and sections first → last in a second table.
 */
export function changesSection(ctx: TrendCtx): ChangesSection {
  const { t, s } = ctx;
  const ids = t.assessments.map((a) => a.id);
  const steps: [string, string][] = ids.slice(1).map((id, i) => [ids[i], id]);
  const first = ids[0];
  const last = ids[ids.length - 1];
  const named = (id: string) => s.changes.assessment(`\u2068${t.assessments.find((x) => x.id === id)!.title}\u2069`);
  const dates = (a: string, b: string) => s.period(ctx.dates.get(a)!, ctx.dates.get(b)!);
  const tables: ChangeTable[] = [];
  if (ids.length > 2)
    tables.push({ heading: s.changes.firstToLast(named(first), named(last)), dates: dates(first, last), table: changeTable(ctx, ctx.main, first, last, s.changes.columns.group) });
  for (const [a, b] of steps)
    tables.push({ heading: s.changes.pair(named(a), named(b)), dates: dates(a, b), table: changeTable(ctx, ctx.main, a, b, s.changes.columns.group) });
  return {
    title: s.changes.title,
    intro: s.changes.intro,
    tables,
    detailTitle: s.changes.detailTitle,
    detail: changeTable(ctx, [...t.levels, ...t.sections], first, last, s.changes.detailGroup),
    marksNote: s.changes.marksNote,
  };
}

function changeTable({ fmt, s }: TrendCtx, series: Series[], from: string, to: string, groupLabel: string): Table {
  const c = s.changes.columns;
  const cell = (text: string): DirectedText => ({ text, dir: fmt.dir });
  const rows = series.map((g): TableRow => {
    const change = changeBetween(g, from, to);
    const before = cell(fmt.score(scoreAt(g, from)));
    const after = cell(fmt.score(scoreAt(g, to)));
    if (!change || change.delta === null) return { cells: [fmt.directed(g.name), before, after, ...[DASH, DASH, DASH, DASH, DASH].map(cell)] };
    const tested = change.tested;
    const ci = change.ci95 ? s.changes.ciRange(fmt.signed(change.ci95[0]), fmt.signed(change.ci95[1])) : DASH;
    const mark = tested ? (stars(change) ?? DASH) : s.changes.notTested;
    return {
      cells: [
        fmt.directed(g.name),
        before,
        after,
        cell(fmt.signed(change.delta)),
        cell(ci),
        cell(tested && change.p !== null ? fmt.p(change.p) : DASH),
        cell(tested && change.cohensD !== null ? fmt.d(change.cohensD) : DASH),
        cell(mark),
      ],
      emphasis: change.significant === true,
    };
  });
  return {
    columns: [
      { label: groupLabel, weight: 1.9 },
      { label: c.before, weight: 0.7, numeric: true },
      { label: c.after, weight: 0.7, numeric: true },
      { label: c.change, weight: 0.75, numeric: true },
      { label: c.ci, weight: 1.55, numeric: true },
      { label: c.p, weight: 0.8, numeric: true },
      { label: c.d, weight: 0.75, numeric: true },
      { label: c.mark, weight: 0.9, numeric: true },
    ],
    rows,
  };
}
