import { NOT_APPLICABLE } from './answers.js';
import { isAnswer, itemCoefficients, type ScoringItem } from './itemScore.js';

/**
 * The two-thirds rule (statistics.md §2): a respondent gets a score for a group of `size` items only when
 * they answered at least two-thirds of them. Integer arithmetic avoids rounding 2/3 (4 of 6 passes).
 * An empty group never has a score.
 */
export function meetsTwoThirds(answered: number, size: number): boolean {
  return size > 0 && 3 * answered >= 2 * size;
}

/**
 * One respondent's score for a group of items: the weighted mean of their item scores over the items they
 * answered, or null under the two-thirds rule. Items the respondent marked "not applicable" are not part of
 * their group at all. `indices` picks the group's items out of the full, questionnaire-ordered `items` /
 * `answers`.
 */
export function respondentScore(
  items: readonly ScoringItem[],
  answers: ArrayLike<number>,
  indices: readonly number[],
): number | null {
  let weighted = 0;
  let weights = 0;
  let answered = 0;
  let applicable = indices.length;
  for (const i of indices) {
    const item = items[i];
    const c = itemCoefficients(item);
    const x = answers[i];
    if (x === NOT_APPLICABLE) applicable--;
    if (!isAnswer(x, c)) continue;
    weighted += item.weight * (c.offset + c.sign * x) * c.factor;
    weights += item.weight;
    answered++;
  }
  return meetsTwoThirds(answered, applicable) ? weighted / weights : null;
}
