// Where an assessment stands among other organizations: percentile ranks among anonymous peers, never
// fewer than MIN_PEER_ORGANIZATIONS of them (services/benchmark.ts finds the peers).

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

/** The standing as the API answers it and the report shows it: percentiles, or why there are none. */
export type BenchmarkResult =
  | { assessmentId: string; questionnaire: { id: string; version: number }; peerOrganizations: number; minimumPeers: number; available: false; reason: string }
  | {
      assessmentId: string;
      questionnaire: { id: string; version: number };
      peerOrganizations: number;
      minimumPeers: number;
      available: true;
      overall: { score: number | null; percentile: number | null };
      dimensions: Array<{ id: 'culture' | 'process' | 'interaction'; score: number | null; percentile: number | null }>;
    };
