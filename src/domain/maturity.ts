/** A maturity level 1..5 (statistics.md §4); names and descriptions are attached by the caller. */
export type MaturityLevel = 1 | 2 | 3 | 4 | 5;

/**
 * A score as every page and report shows it: rounded to one decimal, half away from zero, on the exact value
 * of the double — what `toFixed(1)` and Intl's one-decimal formatting both do. Formatters show this value.
 */
export function displayedScore(score: number): number {
  return Number(score.toFixed(1));
}

/**
 * 1 if s < 20, 2 if s < 40, 3 if s < 60, 4 if s < 80, else 5, where s is the score as displayed (one
 * decimal), so a score and its level never disagree on screen: 39.96 shows as 40.0 and is level 3. The
 * rounding also absorbs floating-point noise (an exact 60 arriving as 59.99999999999999 is 60.0).
 */
export function maturityLevel(score: number): MaturityLevel {
  const s = displayedScore(score);
  if (s < 20) return 1;
  if (s < 40) return 2;
  if (s < 60) return 3;
  if (s < 80) return 4;
  return 5;
}

/**
 * Overall level = min(level(overall), 1 + min(dimension levels)), so one strong dimension cannot hide a weak
 * one. Null when the overall score or any dimension score is missing.
 */
export function overallLevel(overall: number | null, dimensionScores: readonly (number | null)[]): MaturityLevel | null {
  if (overall === null || dimensionScores.some((s) => s === null)) return null;
  const weakest = Math.min(...dimensionScores.map((s) => maturityLevel(s as number)));
  return Math.min(maturityLevel(overall), 1 + weakest) as MaturityLevel;
}
