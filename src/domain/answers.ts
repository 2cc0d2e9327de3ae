/**
 * How one respondent's answers are held for scoring: an array aligned with the questionnaire's item order.
 * A value ≥ 0 is the chosen scale point; the negative codes below are all "missing" for scoring
 * (statistics.md §1) but are counted apart in item distributions. "Not applicable" also takes the item out
 * of the respondent's group for the two-thirds rule (§2), which "don't know" does not.
 */
export const DONT_KNOW = -1;
export const UNANSWERED = -2;
export const NOT_APPLICABLE = -3;

export type AnswerVector = ArrayLike<number>;

/**
 * Submitted answers are stored as one character per item (in questionnaire order): a digit is the value,
 * '?' is "don't know", '-' is "not applicable", '.' is unanswered. One short string per response keeps a
 * submission to one row and lets results read 100k responses quickly. '-' came with mehvar-core v2; rows
 * stored before it hold only the other codes and read as they always did.
 */
export function encodeAnswers(values: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out += v === DONT_KNOW ? '?' : v === UNANSWERED ? '.' : v === NOT_APPLICABLE ? '-' : String(v);
  }
  return out;
}

export function decodeAnswers(code: string): Int8Array {
  const out = new Int8Array(code.length);
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    out[i] = c === 63 /* ? */ ? DONT_KNOW : c === 46 /* . */ ? UNANSWERED : c === 45 /* - */ ? NOT_APPLICABLE : c - 48;
  }
  return out;
}
