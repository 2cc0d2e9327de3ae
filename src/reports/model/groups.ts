import type { BreakdownGroup } from '../../domain/breakdowns.js';
import type { Ctx } from './buildReportModel.js';
import type { DirectedText, GroupBlock, GroupsSection, Table, TableRow } from './types.js';

/**
 * Roles, departments and the perception gap. A suppressed group keeps only its name and the words
 * "insufficient responses": no size, no score, and it is left out of the chart.
 */
export function groupsSection(ctx: Ctx): GroupsSection {
  const { r, s } = ctx;
  const t = s.groups;
  const roleName = (g: string) => t.roles[g as 'manager' | 'staff'] ?? g;
  return {
    kind: 'groups',
    title: t.title,
    intro: t.intro,
    role: block(ctx, t.byRole, r.breakdowns.role, roleName, null),
    department: block(ctx, t.byDepartment, r.breakdowns.department, (g) => g, t.noDepartments),
    gap: gap(ctx),
  };
}

function block(
  { r, fmt, s }: Ctx,
  title: string,
  groups: BreakdownGroup[],
  name: (group: string) => string,
  whenEmpty: string | null,
): GroupBlock {
  const t = s.groups;
  const dims = r.dimensions;
  const table: Table = {
    columns: [
      { label: t.columns.group, weight: 2.2 },
      { label: t.columns.n, weight: 1, numeric: true },
      ...dims.map((d) => ({ label: d.name, weight: 1, numeric: true })),
    ],
    rows: groups.map((g): TableRow => {
      const label = fmt.directed(name(g.group));
      if (g.suppressed || !g.dimensions) return { cells: [label], note: t.insufficient };
      const score = (id: string) => g.dimensions!.find((d) => d.id === id)?.score ?? null;
      const cell = (text: string): DirectedText => ({ text, dir: fmt.dir });
      return { cells: [label, cell(fmt.count(g.n ?? 0)), ...dims.map((d) => cell(fmt.score(score(d.id))))] };
    }),
  };
  const shown = groups.filter((g) => !g.suppressed && g.dimensions);
  return {
    title,
    chart: shown.length
      ? {
          categories: shown.map((g) => name(g.group)),
          series: dims.map((d) => ({
            id: d.id,
            label: d.name,
            values: shown.map((g) => g.dimensions!.find((x) => x.id === d.id)?.score ?? null),
          })),
        }
      : null,
    table,
    empty: groups.length === 0 ? whenEmpty : shown.length === 0 ? t.noneShown : null,
  };
}

function gap({ r, fmt, s, input }: Ctx): GroupsSection['gap'] {
  const t = s.groups;
  const threshold = fmt.count(input.assessment.anonymityThreshold);
  if (!r.perceptionGap) return { title: t.gapTitle, table: null, text: t.gapNotShown(threshold) };
  const roleScore = (role: string, id: string) =>
    r.breakdowns.role.find((g) => g.group === role)?.dimensions?.find((d) => d.id === id)?.score ?? null;
  const name = new Map(r.dimensions.map((d) => [d.id, d.name]));
  const cell = (text: string): DirectedText => ({ text, dir: fmt.dir });
  const table: Table = {
    columns: [
      { label: t.gapColumns.dimension, weight: 1.4 },
      { label: t.gapColumns.manager, weight: 1, numeric: true },
      { label: t.gapColumns.staff, weight: 1, numeric: true },
      { label: t.gapColumns.gap, weight: 1.6, numeric: true },
    ],
    rows: r.perceptionGap.map((g) => ({
      cells: [
        cell(name.get(g.dimension)!),
        cell(fmt.score(roleScore('manager', g.dimension))),
        cell(fmt.score(roleScore('staff', g.dimension))),
        cell(fmt.signed(g.gap)),
      ],
    })),
  };
  const largest = r.perceptionGap
    .filter((g) => g.gap !== null)
    .sort((a, b) => Math.abs(b.gap!) - Math.abs(a.gap!))[0];
  // Under two points is within what rounding and a handful of answers produce.
  const text =
    !largest || Math.abs(largest.gap!) < 2
      ? t.gapNone
      : t.gapLargest(name.get(largest.dimension)!, fmt.score(Math.abs(largest.gap!)), largest.gap! > 0);
  return { title: t.gapTitle, table, text };
}
