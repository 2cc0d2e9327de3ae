/** Fewer peers than this and a percentile would say too much about each of them. */
export const MIN_PEER_ORGANIZATIONS = 5;

/**
 * Percentile rank of `value` among `peers`: the share of peers below it, counting ties as half (the usual
 * mid-rank definition), in percent. Null without a value or without peers.
 */
export function percentileRank(value: number | null, peers: readonly number[]): number | null {
  if (value === null || peers.length === 0) return null;
  let below = 0;
  let equal = 0;
  for (const p of peers) {
    if (p < value) below++;
    else if (p === value) equal++;
  }
  return ((below + equal / 2) / peers.length) * 100;
}
