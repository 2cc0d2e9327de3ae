import type { AppDeps } from '../deps.js';
import { type BenchmarkResult, MIN_PEER_ORGANIZATIONS, percentileRank } from '../domain/peerStanding.js';
import { type Assessment, type FinalScores, isClosed, type User } from '../domain/records.js';
import type { Results } from '../domain/results.js';
import { findAssessmentById } from '../repositories/assessments.js';
import { listPeerCandidates, type PeerCandidate, peerFingerprint, readFinalScores, storeFinalScores } from '../repositories/finalScores.js';
import { releaseState } from '../repositories/releases.js';
import { assessmentFor } from './assessments.js';
import { loadResults } from './results.js';

export type { BenchmarkResult };

/**
 * Where this assessment stands among the latest closed assessments of the other organizations the caller
 * may see that used the same questionnaire version. Peers stay anonymous: only percentiles and the count.
 * A peer's final scores are read from final_scores (stored once, the first time a closed assessment is
 * needed), so the cost does not grow with the peers' responses; a peer whose final figures are withheld
 * (fewer than its k) is no peer.
 */
export async function benchmarkFor(deps: AppDeps, user: User, assessmentId: string): Promise<BenchmarkResult> {
  return loadBenchmark(deps, user, await assessmentFor(deps, user, assessmentId));
}

/** The same for an assessment already found (a report asks for it for its reader). */
export async function loadBenchmark(deps: AppDeps, user: User, a: Assessment): Promise<BenchmarkResult> {
  const now = deps.clock();
  // Reports ask for the benchmark on every download, cache hits included: answer from memory while
  // nothing it depends on changed (the same rule as the report cache: keyed on data, never on time).
  const own = isClosed(a, now) ? 'closed' : (await releaseState(deps.db, a.id)).lastRelease;
  const key = `${user.id}|${a.id}|${own}|${await peerFingerprint(deps.db, a, now)}`;
  const cache = cacheOf(deps);
  const hit = cache.get(key);
  if (hit) return hit;
  const result = await computeBenchmark(deps, user, a, now);
  cache.set(key, result);
  if (cache.size > 1000) cache.delete(cache.keys().next().value as string);
  return result;
}

const caches = new WeakMap<object, Map<string, BenchmarkResult>>();
const cacheOf = (deps: AppDeps) => caches.get(deps.db) ?? caches.set(deps.db, new Map()).get(deps.db)!;

async function computeBenchmark(deps: AppDeps, user: User, a: Assessment, now: Date): Promise<BenchmarkResult> {
  const latest = new Map<string, PeerCandidate>();
  const date = (x: PeerCandidate) => x.closed_at ?? x.closes_at ?? x.created_at;
  for (const c of await listPeerCandidates(deps.db, user, a, now)) {
    const prior = latest.get(c.organization_id);
    if (!prior || date(c) > date(prior) || (date(c) === date(prior) && c.id > prior.id)) latest.set(c.organization_id, c);
  }
  const peers: FinalScores[] = [];
  for (const p of latest.values()) {
    const scores = p.scores ?? (await finalScoresOf(deps, p.id));
    if (scores && scores.overall !== null) peers.push(scores);
  }
  const base = { assessmentId: a.id, questionnaire: { id: a.questionnaire_id, version: a.questionnaire_version }, peerOrganizations: peers.length, minimumPeers: MIN_PEER_ORGANIZATIONS };
  if (peers.length < MIN_PEER_ORGANIZATIONS)
    return {
      ...base,
      available: false as const,
      reason: `A benchmark needs at least ${MIN_PEER_ORGANIZATIONS} other organizations with a closed assessment of this questionnaire version; ${peers.length} qualify.`,
    };
  // Scored only when there is something to compare it with: most reports have no benchmark, and this
  // runs on the event loop. A closed assessment's own scores come from final_scores too.
  const own = isClosed(a, now) ? await finalScoresOf(deps, a.id) : scoresOf((await loadResults(deps, a, false)).results, a.id, now);
  const dims = ['culture', 'process', 'interaction'] as const;
  return {
    ...base,
    available: true as const,
    overall: { score: own?.overall ?? null, percentile: percentileRank(own?.overall ?? null, peers.map((p) => p.overall as number)) },
    dimensions: dims.map((id) => ({
      id,
      score: own?.[id] ?? null,
      percentile: percentileRank(own?.[id] ?? null, peers.flatMap((p) => (p[id] === null ? [] : [p[id] as number]))),
    })),
  };
}

function scoresOf(r: Results, assessmentId: string, now: Date): FinalScores {
  const dim = (id: string) => r.dimensions.find((d) => d.id === id)?.score ?? null;
  return {
    assessment_id: assessmentId,
    in_figures: r.snapshot?.inFigures ?? r.respondents.submitted,
    overall: r.overall.score,
    culture: dim('culture'),
    process: dim('process'),
    interaction: dim('interaction'),
    computed_at: now.toISOString(),
  };
}

/**
 * A closed assessment's final scores: stored the first time they are needed (or at close), then read.
 * Reading the results takes the final snapshot first, so what is stored is what every output shows.
 */
export async function finalScoresOf(deps: AppDeps, assessmentId: string): Promise<FinalScores | null> {
  const a = await findAssessmentById(deps.db, assessmentId);
  if (!a) return null;
  const stored = await readFinalScores(deps.db, a.id);
  if (stored) return stored;
  const now = deps.clock();
  const scores = scoresOf((await loadResults(deps, a, false)).results, a.id, now);
  // Only a closed assessment's figures are final; an open one's would go stale.
  if (isClosed(a, now)) await storeFinalScores(deps.db, scores);
  return scores;
}
