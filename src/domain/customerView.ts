import type { Questionnaire } from '../questionnaire/schema.js';
import { cellOf, discloseRows, thickScores, type Snapshot } from './anonymity.js';
import { decodeAnswers } from './answers.js';
import type { ScoringData } from './assessmentScoring.js';
import { compareGroups } from './change.js';
import { describeValues, type Summary } from './describe.js';
import { respondentScore } from './groupScore.js';
import { itemScore } from './itemScore.js';

// The customers' own view beside the staff's: for each factor of the customer questionnaire (one item each),
// the customers' score on it and the staff's score on the staff items it mirrors, and the gap between them.
// Both sides pass through the anonymity rules of domain/anonymity.ts on their own: staff figures only from
// the assessment's snapshot (k or more), customer figures only from the survey's (k or more customers).

export interface CustomerRowInput {
  id: string;
  answers: string;
  release: number | null;
}

export interface CustomerViewInput {
  customerQ: Questionnaire;
  staffQ: Questionnaire;
  staff: ScoringData;
  customers: { rows: readonly CustomerRowInput[]; closed: boolean };
  k: number;
}

export interface FactorSide extends Summary {}

export interface CustomerFactor {
  /** The customer item's id. */
  id: string;
  /** The staff items it mirrors that the assessment's questionnaire has. */
  mirrors: string[];
  /** Null while the staff figures are withheld or no mirrored item is in the staff questionnaire. */
  staff: FactorSide | null;
  /** Null while fewer than k customers are in the figures. */
  customers: FactorSide | null;
  /** staff − customers; null without both scores. */
  gap: number | null;
  /** Welch's t test of the gap (statistics.md §9); null where untested. */
  t: number | null;
  df: number | null;
  p: number | null;
  significant: boolean | null;
}

export interface CustomerView {
  /** Where the customers' figures stand: the same snapshot rules as staff responses. */
  snapshot: Snapshot;
  respondents: { submitted: number; inFigures: number };
  /** Whether the staff side is shown (the assessment's own snapshot reached k). */
  staffShown: boolean;
  factors: CustomerFactor[];
}

/** Every factor's staff and customer figures and their gap, in questionnaire order. */
export function computeCustomerView(input: CustomerViewInput): CustomerView {
  const { customerQ, staffQ, k } = input;
  const customers = discloseRows(
    input.customers.rows.map((r) => ({ id: r.id, role: 'staff' as const, department: null, release: r.release, answers: r.answers })),
    k,
    input.customers.closed,
  );
  const staff = discloseRows(input.staff.rows, k, input.staff.closed);
  const staffAnswers = staff.rows.map(({ row }) => decodeAnswers(row.answers));
  const customerAnswers = customers.rows.map(({ row }) => decodeAnswers(row.answers));
  // A factor's n counts those with a score for it: cells where only 1..k−1 have one keep theirs out.
  const staffCells = staff.rows.map(cellOf);
  const customerCells = customers.rows.map(cellOf);
  // §3: the staff population is the headcount when known, else the invitations; customers have none known.
  const population = input.staff.headcount ?? (input.staff.invited > 0 ? input.staff.invited : null);
  const staffIndex = new Map(staffQ.items.map((item, i) => [item.id, i]));

  const factors = customerQ.items.map((item, c): CustomerFactor => {
    const mirrors = (item.mirrors ?? []).filter((id) => staffIndex.has(id));
    const indices = mirrors.map((id) => staffIndex.get(id)!);
    const staffSide = staff.snapshot.figuresShown && indices.length
      ? describeValues(thickScores(staffCells, staffAnswers.map((a) => respondentScore(staffQ.items, a, indices)), k), population)
      : null;
    const customerSide = customers.snapshot.figuresShown ? describeValues(thickScores(customerCells, customerAnswers.map((a) => itemScore(item, a[c])), k)) : null;
    const change = staffSide && customerSide ? compareGroups(customerSide, staffSide) : null;
    return {
      id: item.id,
      mirrors,
      staff: staffSide,
      customers: customerSide,
      gap: change?.delta ?? null,
      t: change?.t ?? null,
      df: change?.df ?? null,
      p: change?.p ?? null,
      significant: change?.significant ?? null,
    };
  });
  return {
    snapshot: customers.snapshot,
    respondents: { submitted: customers.snapshot.submitted, inFigures: customers.snapshot.inFigures },
    staffShown: staff.snapshot.figuresShown,
    factors,
  };
}

/** The factors with a gap, largest first (staff above customers first: where staff overrate themselves most). */
export function rankGaps(view: Pick<CustomerView, 'factors'>): CustomerFactor[] {
  return view.factors.filter((f) => f.gap !== null).sort((a, b) => (b.gap as number) - (a.gap as number) || (a.id < b.id ? -1 : 1));
}
