import type { Localized, Questionnaire } from '../questionnaire/schema.js';
import { cellOf, discloseRows, thickScores } from './anonymity.js';
import { decodeAnswers } from './answers.js';
import { compareGroups } from './change.js';
import type { CustomerRowInput } from './customerView.js';
import { describeValues, type Summary } from './describe.js';
import { itemScore } from './itemScore.js';

// The customers' scores across repeated assessments: per factor, each round's score (from k customers on,
// as in every other figure) and the change between consecutive rounds with Welch's t test.

export interface CustomerRound {
  assessmentId: string;
  /** The round's customer survey: its questionnaire, answers and whether it is closed; null without one. */
  survey: { questionnaire: Questionnaire; rows: readonly CustomerRowInput[]; closed: boolean } | null;
  k: number;
}

export interface CustomerTrend {
  rounds: { assessmentId: string; submitted: number; inFigures: number; figuresShown: boolean }[];
  factors: {
    id: string;
    name: Localized;
    points: { assessmentId: string; score: number | null; n: number; sd: number | null; ci95: [number, number] | null }[];
    changes: { from: string; to: string; delta: number | null; t: number | null; df: number | null; p: number | null; significant: boolean | null }[];
  }[];
}

/** Null when no round has a customer survey. Factors are those of the newest survey's questionnaire, matched by item id. */
export function customerTrend(rounds: readonly CustomerRound[]): CustomerTrend | null {
  const surveyed = rounds.filter((r) => r.survey);
  if (!surveyed.length) return null;
  const newest = surveyed.map((r) => r.survey!.questionnaire).reduce((a, b) => (b.version >= a.version ? b : a));
  // Per round and factor: the customers' scores, only when the round's figures are shown (k or more).
  const perRound = rounds.map((r) => {
    if (!r.survey) return { submitted: 0, inFigures: 0, shown: false, byItem: new Map<string, Summary>() };
    const { questionnaire: q, rows, closed } = r.survey;
    const disclosed = discloseRows(rows.map((x) => ({ id: x.id, role: 'staff' as const, department: null, release: x.release, answers: x.answers })), r.k, closed);
    const answers = disclosed.rows.map(({ row }) => decodeAnswers(row.answers));
    const byItem = new Map<string, Summary>();
    if (disclosed.snapshot.figuresShown)
      q.items.forEach((item, i) => byItem.set(item.id, describeValues(thickScores(disclosed.rows.map(cellOf), answers.map((a) => itemScore(item, a[i])), r.k))));
    return { submitted: disclosed.snapshot.submitted, inFigures: disclosed.snapshot.inFigures, shown: disclosed.snapshot.figuresShown, byItem };
  });
  return {
    rounds: rounds.map((r, i) => ({ assessmentId: r.assessmentId, submitted: perRound[i].submitted, inFigures: perRound[i].inFigures, figuresShown: perRound[i].shown })),
    factors: newest.items.map((item) => {
      const summaries = perRound.map((p) => p.byItem.get(item.id) ?? null);
      const changes = rounds.slice(1).map((r, i) => {
        const [a, b] = [summaries[i], summaries[i + 1]];
        const c = a && b ? compareGroups(a, b) : null;
        return { from: rounds[i].assessmentId, to: r.assessmentId, delta: c?.delta ?? null, t: c?.t ?? null, df: c?.df ?? null, p: c?.p ?? null, significant: c?.significant ?? null };
      });
      return {
        id: item.id,
        name: item.label ?? item.text,
        points: rounds.map((r, i) => {
          const s = summaries[i];
          return { assessmentId: r.assessmentId, score: s?.mean ?? null, n: s?.n ?? 0, sd: s?.sd ?? null, ci95: s?.ci95 ? ([s.ci95.low, s.ci95.high] as [number, number]) : null };
        }),
        changes,
      };
    }),
  };
}

/** The customer trend as the API serves it: factor names in one language; null when no round has a survey. */
export function presentCustomerTrend(t: CustomerTrend | null | undefined, lang: 'fa' | 'en') {
  if (!t) return null;
  return { rounds: t.rounds, factors: t.factors.map((f) => ({ ...f, name: f.name[lang] })) };
}
