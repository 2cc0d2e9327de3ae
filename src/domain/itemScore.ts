import type { Item } from '../questionnaire/schema.js';

/** The fields of a questionnaire item that scoring reads. */
export type ScoringItem = Pick<Item, 'id' | 'dimension' | 'level' | 'section' | 'weight' | 'reverse' | 'scale'>;

/**
 * An item's score as a linear function of the raw answer x: `s = (offset + sign·x) · factor`, with
 * `points = offset + sign·x` running 0..(b − a) from the worst to the best answer (statistics.md §1).
 * Precomputing it once per item lets the results pass score 5M answers without branching on `reverse`.
 */
export interface ItemCoefficients {
  offset: number;
  sign: 1 | -1;
  /** 100 / (b − a): one point in score units. */
  factor: number;
  min: number;
  max: number;
}

export function itemCoefficients(item: Pick<ScoringItem, 'reverse' | 'scale'>): ItemCoefficients {
  const { min, max } = item.scale;
  return item.reverse
    ? { offset: max, sign: -1, factor: 100 / (max - min), min, max }
    : { offset: -min, sign: 1, factor: 100 / (max - min), min, max };
}

/**
 * Whether x is a chosen scale point. Don't-know (−1), unanswered (−2) and — defensively, since validation
 * happens at the edge — any value outside the item's scale are all missing, never zero.
 */
export function isAnswer(x: number, c: Pick<ItemCoefficients, 'min' | 'max'>): boolean {
  return x >= c.min && x <= c.max;
}

/** Score 0..100 of one answer (reverse coding applied), or null when the answer is missing. */
export function itemScore(item: Pick<ScoringItem, 'reverse' | 'scale'>, x: number): number | null {
  const c = itemCoefficients(item);
  return isAnswer(x, c) ? (c.offset + c.sign * x) * c.factor : null;
}
