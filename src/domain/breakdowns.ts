import type { DimensionId } from '../questionnaire/schema.js';

/** A breakdown group before anonymity is applied: its name, its number of responses and its scores. */
export interface GroupInput {
  group: string;
  size: number;
  dimensions: DimensionScore[];
}

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

// Code-unit order, not localeCompare: which group gets suppressed must not depend on the server's locale.
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Names of the groups to suppress (statistics.md §7): every group smaller than the threshold, and — when exactly
 * one group is suppressed and it has at least one response — also the smallest remaining group (ties: by
 * name), because otherwise its figures could be recovered by subtracting the others from the total.
 */
export function suppressedGroups(groups: readonly Pick<GroupInput, 'group' | 'size'>[], threshold: number): Set<string> {
  const small = groups.filter((g) => g.size < threshold);
  const suppressed = new Set(small.map((g) => g.group));
  if (small.length === 1 && small[0].size >= 1) {
    const rest = groups.filter((g) => !suppressed.has(g.group));
    rest.sort((a, b) => a.size - b.size || byName(a.group, b.group));
    if (rest.length > 0) suppressed.add(rest[0].group);
  }
  return suppressed;
}

/** Applies suppression; groups keep their input order. */
export function buildBreakdown(groups: readonly GroupInput[], threshold: number): BreakdownGroup[] {
  const suppressed = suppressedGroups(groups, threshold);
  return groups.map((g) =>
    suppressed.has(g.group)
      ? { group: g.group, suppressed: true }
      : { group: g.group, suppressed: false, n: g.size, dimensions: g.dimensions },
  );
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
