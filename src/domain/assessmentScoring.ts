import type { Assessment } from './records.js';
import type { DimensionId, Questionnaire } from '../questionnaire/schema.js';
import { scoredSlots } from './accumulate.js';
import { cellOf, discloseRows, flaggedExclusion, withheldThinScores, type Disclosure } from './anonymity.js';
import { decodeAnswers } from './answers.js';
import type { ScoringItem } from './itemScore.js';
import { isStraightLining } from './quality.js';
import { buildLayout } from './scoringLayout.js';
import type { AssessmentRef } from './presentResults.js';
import { computeResults, type Results } from './results.js';

export function assessmentRef(a: Assessment): AssessmentRef {
  const targets = {
    ...(a.target_culture !== null && { culture: a.target_culture }),
    ...(a.target_process !== null && { process: a.target_process }),
    ...(a.target_interaction !== null && { interaction: a.target_interaction }),
  };
  return {
    id: a.id,
    questionnaire: { id: a.questionnaire_id, version: a.questionnaire_version },
    targets: Object.keys(targets).length ? targets : null,
    anonymityThreshold: a.anonymity_threshold,
  };
}

/** What scoring reads from the database: plain data, so it can also be scored on a report thread. */
export interface ScoringData {
  /** One compact row per submitted response, released or not (see domain/anonymity.ts). */
  rows: ScoringRow[];
  invited: number;
  headcount: number | null;
  /** Whether the assessment was closed when the rows were read: its snapshot is then the final one. */
  closed: boolean;
}

export interface ScoringRow {
  id: string;
  role: 'manager' | 'staff';
  department: string | null;
  answers: string;
  release: number | null;
}

export class FlaggedExclusionRefused extends Error {}

type ScoringInput = { items: readonly ScoringItem[]; data: ScoringData; k: number; targets: Partial<Record<DimensionId, number>> | null; excludeFlagged: boolean };

/**
 * The only way figures are made from an assessment's responses: the rows pass through the anonymity rules
 * first (released rows only, labels generalized, nothing below k), then the statistics. `pick` maps the
 * stored answers onto `items` (a trend compares versions on their shared items).
 */
export function scoreRows(input: ScoringInput, pick: (answers: Int8Array) => ArrayLike<number> = (a) => a): Results {
  return scoreDisclosed(input, discloseRows(input.data.rows, input.k, input.data.closed), pick);
}

/** The same from `input.data`'s rows as `discloseRows` gave them: a trend keeps them for its own measures. */
export function scoreDisclosed(input: ScoringInput, released: Disclosure<ScoringRow>, pick: (answers: Int8Array) => ArrayLike<number> = (a) => a): Results {
  const { data, k } = input;
  const disclosed = {
    ...released,
    rows: released.rows.map(({ row, label }) => ({ row: { id: row.id, role: row.role, department: row.department, release: row.release, answers: pick(decodeAnswers(row.answers)) }, label })),
  };
  // Which score groups (dimensions, levels, sections) each released respondent has a score for.
  const layout = buildLayout(input.items);
  const slots = layout.groupCount;
  const flags = new Uint8Array(disclosed.rows.length * slots);
  const score = scoredSlots(layout);
  disclosed.rows.forEach(({ row }, i) => score(row.answers, flags, i * slots));
  if (input.excludeFlagged) {
    const verdict = flaggedExclusion(disclosed.rows, k, { flags, slots });
    if (!verdict.allowed) throw new FlaggedExclusionRefused(verdict.reason);
  }
  // Thin scores are withheld per cell, in the view the figures are computed on (without the flagged when
  // they are left out): every dimension, level and section n is then a sum of cells of 0 or ≥ k.
  const inView = disclosed.rows.map(({ row }) => !input.excludeFlagged || !isStraightLining(row.answers));
  const view = disclosed.rows.flatMap((_, i) => (inView[i] ? [i] : []));
  const viewFlags = new Uint8Array(view.length * slots);
  view.forEach((i, j) => viewFlags.set(flags.subarray(i * slots, (i + 1) * slots), j * slots));
  const thin = withheldThinScores(view.map((i) => cellOf(disclosed.rows[i])), viewFlags, slots, k);
  const withheld = new Map(thin.includes(1) ? view.map((i, j) => [i, thin.subarray(j * slots, (j + 1) * slots)]) : []);
  return computeResults({
    items: input.items,
    responses: disclosed.rows.map((d, i) => ({ id: d.row.id, role: d.label.role, department: d.label.department, answers: d.row.answers, withheld: withheld.get(i) ?? null })),
    departments: disclosed.departments,
    submitted: data.rows.length,
    snapshot: disclosed.snapshot,
    invited: data.invited,
    headcount: data.headcount,
    targets: input.targets,
    excludeFlagged: input.excludeFlagged,
  });
}

/** Every figure of an assessment, computed in one pass over its released responses. */
export function scoreAssessment(q: Questionnaire, a: Assessment, data: ScoringData, excludeFlagged: boolean): Results {
  return scoreRows({ items: q.items, data, k: a.anonymity_threshold, targets: assessmentRef(a).targets, excludeFlagged });
}
