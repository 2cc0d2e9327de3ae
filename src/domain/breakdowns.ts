import type { DimensionId } from '../questionnaire/schema.js';

export interface DimensionScore {
  id: DimensionId;
  score: number | null;
  n: number;
}

/** As reported: a suppressed group carries no size and no scores at all (not even as null). */
export interface BreakdownGroup {
  group: string;
  suppressed: boolean;
  n?: number;
  dimensions?: DimensionScore[];
}

export interface PerceptionGap {
  dimension: DimensionId;
  /** manager − staff; null when either has no score for the dimension. */
  gap: number | null;
}

/**
 * How much rosier managers see the organization than staff, per dimension. Null when either role is missing
 * or suppressed: a gap would otherwise reveal the suppressed group's score.
 */
export function perceptionGap(roles: readonly BreakdownGroup[]): PerceptionGap[] | null {
  const manager = roles.find((g) => g.group === 'manager');
  const staff = roles.find((g) => g.group === 'staff');
  if (!manager?.dimensions || !staff?.dimensions || manager.suppressed || staff.suppressed) return null;
  return manager.dimensions.map((m) => {
    const s = staff.dimensions?.find((d) => d.id === m.id);
    const gap = m.score === null || s === undefined || s.score === null ? null : m.score - s.score;
    return { dimension: m.id, gap };
  });
}
