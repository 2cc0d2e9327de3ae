import type { Item } from '../questionnaire/schema.js';
import type { ActionRecord, ActionTarget } from './actions.js';
import { cellOf, discloseRows, thickScores } from './anonymity.js';
import { decodeAnswers } from './answers.js';
import type { ScoringData } from './assessmentScoring.js';
import { compareGroups, type Change, type GroupStats } from './change.js';
import { describeValues } from './describe.js';
import { respondentScore } from './groupScore.js';

// The measured change of an action's target between the assessment it came from and the next one
// (statistics.md §9): Welch's t and Cohen's d from domain/change.ts, on respondents' scores for the
// target's items. Only released rows reach here (domain/anonymity.ts), so below k there is nothing to
// compare and the change says so.

/** One assessment as the measure reads it: its questionnaire's items in order, and its released answers in that order. */
export interface MeasureSide {
  assessmentId: string;
  items: readonly Item[];
  /** The rows in the figures (none while fewer than k are). */
  answers: readonly ArrayLike<number>[];
  /** Whether the assessment's figures are shown at all (k or more in them). */
  figuresShown: boolean;
  /** Each row's release × label cell (domain/anonymity.ts cellOf), aligned with `answers`. */
  cells: readonly string[];
  k: number;
}

export type MeasureStatus =
  /** Both rounds have figures for the target: `change` holds the test. */
  | 'measured'
  /** No later assessment in the series yet. */
  | 'noNextAssessment'
  /** A targeted item is not in one of the two questionnaire versions: not guessed. */
  | 'itemsMissing'
  /** The target's section or dimension has no item in both versions. */
  | 'targetMissing'
  /** One of the rounds has fewer than k responses in its figures. */
  | 'notDisclosed';

export interface TargetMeasure {
  status: MeasureStatus;
  from: string;
  to: string | null;
  /** Item ids of the target missing from the earlier or later version. */
  missingItems: string[];
  before: GroupStats | null;
  after: GroupStats | null;
  change: Change | null;
}

/**
 * The items a target covers in both rounds, scored as the later version defines them (as the trend does:
 * a version may correct an item's dimension without changing the question).
 */
function targetItems(target: ActionTarget, before: readonly Item[], after: readonly Item[]): { items: Item[]; missing: string[] } {
  const inBefore = new Set(before.map((i) => i.id));
  if (target.kind === 'items') {
    const inAfter = new Map(after.map((i) => [i.id, i]));
    const missing = target.itemIds.filter((id) => !inBefore.has(id) || !inAfter.has(id));
    return { items: missing.length ? [] : target.itemIds.map((id) => inAfter.get(id)!), missing };
  }
  const belongs = (i: Item) => (target.kind === 'dimension' ? i.dimension === target.dimension : i.section === target.section);
  return { items: after.filter((i) => belongs(i) && inBefore.has(i.id)), missing: [] };
}

/** Each released respondent's score for the items (two-thirds rule), summarized. */
function statsOf(side: MeasureSide, items: readonly Item[]): GroupStats {
  const position = new Map(side.items.map((item, i) => [item.id, i]));
  const take = items.map((i) => position.get(i.id)!);
  const all = items.map((_, i) => i);
  const picked = new Int8Array(items.length);
  const scores = side.answers.map((answers) => {
    take.forEach((p, i) => (picked[i] = answers[p]));
    return respondentScore(items, picked, all);
  });
  // A cell where only 1..k−1 have a score for the target keeps theirs out (anonymity.md: every n).
  const d = describeValues(thickScores(side.cells, scores, side.k));
  return { n: d.n, mean: d.mean, sd: d.sd };
}

/** The change of the target from `before` to `after` (null: no later round yet). */
export function measureTarget(target: ActionTarget, before: MeasureSide, after: MeasureSide | null): TargetMeasure {
  const base = { from: before.assessmentId, to: after?.assessmentId ?? null, missingItems: [] as string[], before: null, after: null, change: null };
  if (!after) return { ...base, status: 'noNextAssessment' };
  const { items, missing } = targetItems(target, before.items, after.items);
  if (missing.length) return { ...base, status: 'itemsMissing', missingItems: missing };
  if (!items.length) return { ...base, status: 'targetMissing' };
  if (!before.figuresShown || !after.figuresShown) return { ...base, status: 'notDisclosed' };
  const a = statsOf(before, items);
  const b = statsOf(after, items);
  return { ...base, status: 'measured', before: a, after: b, change: compareGroups(a, b) };
}

/** The round after `assessmentId` in a series ordered oldest first, if any. */
export function nextInSeries<T extends { assessmentId: string }>(series: readonly T[], assessmentId: string): T | null {
  const i = series.findIndex((s) => s.assessmentId === assessmentId);
  return i >= 0 && i + 1 < series.length ? series[i + 1] : null;
}

/** An assessment's side of the measure from its scoring data: only the rows the anonymity rules release. */
export function measureSideOf(assessmentId: string, items: readonly Item[], data: ScoringData, k: number): MeasureSide {
  const disclosed = discloseRows(data.rows, k, data.closed);
  return { assessmentId, items, answers: disclosed.rows.map(({ row }) => decodeAnswers(row.answers)), figuresShown: disclosed.snapshot.figuresShown, cells: disclosed.rows.map(cellOf), k };
}

/** An action with its target in words (both languages) and its target's measured change. */
export interface MeasuredAction {
  action: ActionRecord;
  targetName: { fa: string; en: string };
  overdue: boolean;
  measure: TargetMeasure;
}

/** An open action as a report lists it. */
export type PlannedAction = Omit<MeasuredAction, 'measure'>;

/** What an assessment report shows of action plans (plain data: it crosses to the report thread). */
export interface ReportActions {
  /** This assessment's actions still planned or under way. */
  open: PlannedAction[];
  /** The round before this one, when it had actions: each measured from that round to this one. */
  previous: { assessmentTitle: string; actions: MeasuredAction[] } | null;
}
