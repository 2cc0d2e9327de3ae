/** Response rate and response quality (statistics.md §8). */

/** A response is straight-lined when it has at least this many answers and all are the same value. */
export const STRAIGHT_LINING_MIN_ANSWERS = 10;

/** Submitted / invited, or null without invitations. */
export function responseRate(submitted: number, invited: number): number | null {
  return invited > 0 ? submitted / invited : null;
}

/**
 * Whether a response answered at least 10 items all with the same raw value (same scale point, whatever the
 * item's coding). Don't-know, not applicable and unanswered (negative codes) are not answers and neither
 * count nor break the line.
 */
export function isStraightLining(answers: ArrayLike<number>): boolean {
  let answered = 0;
  let first = -1;
  for (let i = 0; i < answers.length; i++) {
    const x = answers[i];
    if (x < 0) continue;
    if (answered === 0) first = x;
    else if (x !== first) return false;
    answered++;
  }
  return answered >= STRAIGHT_LINING_MIN_ANSWERS;
}
