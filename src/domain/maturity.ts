/** A maturity level 1..5 (statistics.md §4); names and descriptions are attached by the caller. */
export type MaturityLevel = 1 | 2 | 3 | 4 | 5;

/**
 * Scores are unrounded means, so a score that is exactly 60 on paper can arrive as 59.99999999999999.
 * Real scores differ from a boundary by at least ~1e-7 (a mean of 100k responses), so this tolerance only
 * absorbs floating-point noise and never moves a genuine score across a band.
 */
const BOUNDARY_TOLERANCE = 1e-9;

/** 1 if s < 20, 2 if s < 40, 3 if s < 60, 4 if s < 80, else 5. */
export function maturityLevel(score: number): MaturityLevel {
  const s = score + BOUNDARY_TOLERANCE;
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
