import type { AppDeps } from '../deps.js';
import type { Assessment, User } from '../db/tables.js';
import { MIN_PEER_ORGANIZATIONS, percentileRank } from '../domain/benchmark.js';
import { isClosed } from '../repositories/assessments.js';
import { listOrganizations } from '../repositories/organizations.js';
import type { Results } from '../domain/results.js';
import { loadResults } from './results.js';

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

/**
 * Where this assessment stands among the latest closed assessments of the other organizations the caller
 * may see that used the same questionnaire version. Peers stay anonymous: only percentiles and the count.
 */
export async function loadBenchmark(deps: AppDeps, user: User, a: Assessment): Promise<BenchmarkResult> {
  const now = deps.clock();
  const orgIds = (await listOrganizations(deps.db, user)).map((o) => o.id).filter((id) => id !== a.organization_id);
  const candidates = orgIds.length
    ? await deps.db
        .selectFrom('assessments')
        .selectAll()
        .where('organization_id', 'in', orgIds)
        .where('questionnaire_id', '=', a.questionnaire_id)
        .where('questionnaire_version', '=', a.questionnaire_version)
        .execute()
    : [];
  const latest = new Map<string, Assessment>();
  for (const c of candidates.filter((x) => isClosed(x, now))) {
    const prior = latest.get(c.organization_id);
    const date = (x: Assessment) => x.closed_at ?? x.closes_at ?? x.created_at;
    if (!prior || date(c) > date(prior)) latest.set(c.organization_id, c);
  }
  const peers: Results[] = [];
  for (const p of latest.values()) {
    const r = (await loadResults(deps, p, false)).results;
    if (r.overall.score !== null) peers.push(r);
    await new Promise(setImmediate);
  }
  const base = { assessmentId: a.id, questionnaire: { id: a.questionnaire_id, version: a.questionnaire_version }, peerOrganizations: peers.length, minimumPeers: MIN_PEER_ORGANIZATIONS };
  if (peers.length < MIN_PEER_ORGANIZATIONS)
    return {
      ...base,
      available: false as const,
      reason: `A benchmark needs at least ${MIN_PEER_ORGANIZATIONS} other organizations with a closed assessment of this questionnaire version; ${peers.length} qualify.`,
    };
  // Scored only when there is something to compare it with: most reports have no benchmark, and this
  // runs on the event loop.
  const own = (await loadResults(deps, a, false)).results;
  return {
    ...base,
    available: true as const,
    overall: { score: own.overall.score, percentile: percentileRank(own.overall.score, peers.map((p) => p.overall.score as number)) },
    dimensions: own.dimensions.map((d) => ({
      id: d.id,
      score: d.score,
      percentile: percentileRank(d.score, peers.flatMap((p) => p.dimensions.filter((x) => x.id === d.id && x.score !== null).map((x) => x.score as number))),
    })),
  };
}
