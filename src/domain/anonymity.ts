import { createHash } from 'node:crypto';
import type { Role } from './accumulate.js';
import { isStraightLining } from './quality.js';

// Every anonymity rule of ../shared/notes/anonymity.md, in one place. Results, exports, reports, trend,
// benchmark and dashboard all take their rows through `discloseRows`; none decides suppression itself.
//
// The one principle: nothing a user can obtain, alone or combined with anything else they can obtain,
// describes fewer than k respondents. The construction that keeps it:
//  - responses enter the figures in releases (snapshots) of at least k, stamped on the rows, never undone;
//  - within a release, each response's quasi-identifiers (role, department) are generalized until every
//    combination shown holds 0 or ≥ k responses of that release (department first, then role);
//  - every figure (overall, role group, department group, exported row class) is then a union of these
//    release × combination cells, each ≥ k, so any difference or residual of two figures is one too.
//  - a score over a group of items (dimension, level, section, customer factor, action target) that only
//    1..k−1 of a release × combination cell have is withheld for that cell (`withheldThinScores`), so
//    every score's n is a union of cells of 0 or ≥ k as well.
// A figure describing a group is computed from the generalized labels, so a breakdown, its residual and
// the row export always agree on who is in which group. Count-only tables (response progress by
// department) hide their small groups with `hiddenSmallGroups`.

export interface RawRow {
  id: string;
  role: Role;
  department: string | null;
  /** The release the response entered the figures with; null while it waits for the next one. */
  release: number | null;
}

/** What a row may show: a generalized attribute is null (so is a department the respondent never had). */
export interface Label {
  role: Role | null;
  department: string | null;
}

interface Cell extends Label {
  rows: number[];
}

const keyOf = (l: Label) => `${l.role ?? ''}\u0000${l.department ?? '\u0000'}`;
// Code-unit order, not localeCompare: which cell is generalized must not depend on the server's locale.
const byKey = (a: Cell, b: Cell) => a.rows.length - b.rows.length || (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);

/**
 * Generalizes one release's rows: returns a label per row such that every label combination holds 0 or
 * ≥ k of them. The smallest cell under k goes first: it loses its department; a role's cell without a
 * department takes in the role's next smallest department cell, and loses its role only when none is left;
 * the fully generalized cell, when small, takes in the next smallest cell one step at a time — "keep
 * suppressing the next smallest group until the suppressed total is 0 or ≥ k". A release smaller than k
 * (only a final one can be) ends fully generalized.
 */
export function labelRelease(rows: readonly Label[], k: number): Label[] {
  const cells = new Map<string, Cell>();
  const put = (label: Label, members: number[]) => {
    const key = keyOf(label);
    const cell = cells.get(key) ?? { ...label, rows: [] };
    cell.rows.push(...members);
    cells.set(key, cell);
  };
  rows.forEach((r, i) => put(r, [i]));
  const generalize = (c: Cell) => {
    cells.delete(keyOf(c));
    put(c.department !== null ? { role: c.role, department: null } : { role: null, department: null }, c.rows);
  };
  for (;;) {
    const sorted = [...cells.values()].sort(byKey);
    const small = sorted.find((c) => c.rows.length < k);
    if (!small) break;
    if (small.department !== null) generalize(small);
    else if (small.role !== null) {
      // Respondents of this role without a department shown are too few: first hide the department of the
      // role's next smallest department cell (its breakdown's complementary suppression), else the role.
      const sibling = sorted.find((c) => c.role === small.role && c.department !== null);
      generalize(sibling ?? small);
    } else {
      const next = sorted.find((c) => c !== small);
      if (!next) break; // everything is generalized and still under k: a final release below k
      generalize(next);
    }
  }
  const labels: Label[] = new Array(rows.length);
  for (const c of cells.values()) for (const i of c.rows) labels[i] = { role: c.role, department: c.department };
  return labels;
}

export interface DisclosedRow<R extends RawRow = RawRow> {
  row: R;
  label: Label;
}

export interface Disclosure<R extends RawRow = RawRow> {
  /** Released rows with the labels they may show; empty when figures are withheld. */
  rows: DisclosedRow<R>[];
  /** Every department name among the released rows, shown or not (a breakdown lists suppressed ones by name). */
  departments: string[];
  snapshot: Snapshot;
}

export interface Snapshot {
  /** Submitted responses, released or not (a count is always shown). */
  submitted: number;
  /** Responses the figures stand at. */
  inFigures: number;
  /** False below k: then only counts and the response rate may be shown. */
  figuresShown: boolean;
  /** Submissions waiting for the next release. */
  pending: number;
  /** How many more submissions the next update needs; null once closed. */
  nextUpdateAfter: number | null;
  final: boolean;
  k: number;
}

/**
 * The released rows of an assessment, labelled; figures only from k released responses up. Rows keep
 * their input order; callers that show rows order them with `exportOrder`.
 */
export function discloseRows<R extends RawRow>(rows: readonly R[], k: number, closed: boolean): Disclosure<R> {
  const released = rows.filter((r) => r.release !== null);
  const pending = rows.length - released.length;
  const figuresShown = released.length >= k;
  const snapshot: Snapshot = {
    submitted: rows.length,
    inFigures: figuresShown ? released.length : 0,
    figuresShown,
    pending,
    nextUpdateAfter: closed ? null : Math.max(1, k - pending),
    final: closed,
    k,
  };
  if (!figuresShown) return { rows: [], departments: [], snapshot };
  const byRelease = new Map<number, number[]>();
  released.forEach((r, i) => {
    const list = byRelease.get(r.release as number) ?? [];
    list.push(i);
    byRelease.set(r.release as number, list);
  });
  const labels: Label[] = new Array(released.length);
  for (const members of byRelease.values()) {
    const got = labelRelease(members.map((i) => ({ role: released[i].role, department: released[i].department })), k);
    members.forEach((i, j) => (labels[i] = got[j]));
  }
  const departments = [...new Set(released.flatMap((r) => (r.department === null ? [] : [r.department])))].sort();
  return { rows: released.map((row, i) => ({ row, label: labels[i] })), departments, snapshot };
}

/** The release × label cell a disclosed row belongs to: every figure is a union of such cells. */
export const cellOf = (d: DisclosedRow): string => `${d.row.release}\u0000${keyOf(d.label)}`;

/**
 * Thin scores ("the same for every dimension/section n"). A score over a group of items (a dimension,
 * level, section, a customer factor, an action's target) exists only for the respondents who answered
 * enough of its items, so its n can fall below the number of respondents. Within each release × label
 * cell, a score group held by 1..k−1 of the cell's respondents is withheld for all of them; every such
 * n shown is then a sum of cell counts that are each 0 or ≥ k, and so is the difference of any two
 * (between groups, between snapshots, and against the overall).
 *
 * `scored[i * slots + s]` is 1 when row i has a score for slot s; returns 1 where it is withheld, in the
 * same layout.
 */
export function withheldThinScores(cells: readonly string[], scored: Uint8Array, slots: number, k: number): Uint8Array {
  const index = new Map<string, number>();
  const cellOfRow = cells.map((c) => index.get(c) ?? index.set(c, index.size).get(c)!);
  const counts = new Int32Array(index.size * slots);
  cellOfRow.forEach((c, i) => {
    for (let s = 0; s < slots; s++) counts[c * slots + s] += scored[i * slots + s];
  });
  const withheld = new Uint8Array(scored.length);
  cellOfRow.forEach((c, i) => {
    for (let s = 0; s < slots; s++) {
      const n = counts[c * slots + s];
      if (scored[i * slots + s] && n < k) withheld[i * slots + s] = 1;
    }
  });
  return withheld;
}

/**
 * One score per row (null: none) and each row's cell (`cellOf`): the scores that may enter a figure, the
 * thin cells' withheld (see withheldThinScores).
 */
export function thickScores(cells: readonly string[], scores: readonly (number | null)[], k: number): number[] {
  const scored = Uint8Array.from(scores, (v) => (v === null ? 0 : 1));
  const withheld = withheldThinScores(cells, scored, 1, k);
  return scores.filter((v, i): v is number => v !== null && !withheld[i]);
}

/**
 * Which groups of a count-only table (response progress per department: links invited, in progress,
 * submitted) are not shown on their own: every group with fewer than k members, then the next smallest
 * until the hidden ones hold 0 or at least k together, so the total minus the shown groups isolates
 * nobody. `order` breaks ties between groups of the same size. The hidden ones are shown together.
 */
export function hiddenSmallGroups<T>(groups: readonly T[], size: (g: T) => number, k: number, order: (a: T, b: T) => number): Set<T> {
  const sorted = [...groups].sort((a, b) => size(a) - size(b) || order(a, b));
  const hidden = new Set(sorted.filter((g) => size(g) < k));
  let held = [...hidden].reduce((n, g) => n + size(g), 0);
  for (const g of sorted) {
    if (held === 0 || held >= k) break;
    if (!hidden.has(g)) {
      hidden.add(g);
      held += size(g);
    }
  }
  return hidden;
}

export type ReleaseDecision = { release: false } | { release: true; number: number };

/**
 * Whether the submissions waiting (`pending`) enter the figures now, as release `lastRelease + 1`.
 * Open: only k or more at once, so two snapshots always differ by ≥ k people. Closed (the final
 * snapshot): all of them when nothing was ever released — no earlier figures exist to compare with — or
 * when they are k or more; 1..k−1 left after earlier releases stay out of the figures for good, since
 * adding them would let anyone holding the earlier figures read their answers off the difference.
 */
export function planRelease(s: { pending: number; lastRelease: number; closed: boolean; k: number }): ReleaseDecision {
  if (s.pending === 0) return { release: false };
  const enough = s.pending >= s.k || (s.closed && s.lastRelease === 0);
  return enough ? { release: true, number: s.lastRelease + 1 } : { release: false };
}

export type FlaggedExclusion = { allowed: true; removed: number } | { allowed: false; removed: number; reason: string };

/**
 * Leaving out straight-lined responses is a second view of the same data; the two views differ by the
 * flagged respondents of every cell. It is allowed only when, in every release × label cell, the flagged
 * and the remaining responses each number 0 or ≥ k — then every difference between the views is ≥ k.
 * With `scored` (withheldThinScores' layout, aligned with `disclosed`), the same holds for every score
 * group's n: where both views show a cell's scores, the flagged among them number 0 or ≥ k.
 */
export function flaggedExclusion(
  disclosed: readonly DisclosedRow<RawRow & { answers: ArrayLike<number> }>[],
  k: number,
  scored?: { flags: Uint8Array; slots: number },
): FlaggedExclusion {
  const slots = scored?.slots ?? 0;
  const cells = new Map<string, { flagged: number; kept: number; scoredAll: Int32Array; scoredKept: Int32Array }>();
  let removed = 0;
  disclosed.forEach((d, i) => {
    const { row } = d;
    const key = cellOf(d);
    const cell = cells.get(key) ?? { flagged: 0, kept: 0, scoredAll: new Int32Array(slots), scoredKept: new Int32Array(slots) };
    const flagged = isStraightLining(row.answers);
    if (flagged) {
      cell.flagged++;
      removed++;
    } else cell.kept++;
    for (let s = 0; s < slots; s++) {
      const has = scored!.flags[i * slots + s];
      cell.scoredAll[s] += has;
      if (!flagged) cell.scoredKept[s] += has;
    }
    cells.set(key, cell);
  });
  const ok = (n: number) => n === 0 || n >= k;
  const scoresOk = (c: { scoredAll: Int32Array; scoredKept: Int32Array }) => c.scoredKept.every((kept, s) => kept < k || ok(c.scoredAll[s] - kept));
  if ([...cells.values()].every((c) => ok(c.flagged) && ok(c.kept) && scoresOk(c))) return { allowed: true, removed };
  return {
    allowed: false,
    removed,
    reason:
      `Leaving out the straight-lined responses would change some groups by fewer than ${k} people, ` +
      `so comparing the results with and without them would reveal those people's answers. ` +
      `Straight-lined responses are listed in quality.flagged; the results include them.`,
  };
}

/**
 * The order rows are shown in: by a hash of the response id keyed by the assessment, so it carries
 * nothing about when or through which link a response came (ids are random UUIDs already; this also
 * holds for any ids that are not).
 */
export function exportOrder<T extends { row: { id: string } }>(assessmentId: string, rows: readonly T[]): T[] {
  const key = (id: string) => createHash('sha256').update(assessmentId).update('\u0000').update(id).digest('hex');
  return rows
    .map((r) => ({ r, k: key(r.row.id) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((x) => x.r);
}
