import type { DimensionId, Questionnaire, Source } from '../questionnaire/schema.js';
import { maturityLevel } from './maturity.js';
import type { Results } from './results.js';

/** Used where the assessment sets no target for a dimension (the rule). */
export const DEFAULT_TARGET = 80;

export interface RecommendationResult {
  id: string;
  target: { section: string } | { item: string };
  priority: 'high' | 'medium' | 'low';
  /** weight × (target − score): what the ordering is by. */
  priorityScore: number;
  score: number;
  targetScore: number;
  /** The stages the recommendation is for, when it is for some only (statistics.md §10). */
  atLevels?: number[];
  text: { fa: string; en: string };
  source: Source;
}

// Gaps measured in score points (0..100) after weighting: 30+ is more than a whole maturity band and a half.
const HIGH = 30;
const MEDIUM = 15;

/**
 * The questionnaire's seed-derived recommendations whose section or item scores below its target, most
 * urgent first. A target comes from the assessment's dimension targets (default 80); a section's target and
 * weight are the weighted mean over its items, since a section can span dimensions. A recommendation for
 * some stages only (`atLevels`) is given while the maturity level of its target's score is one of them.
 */
export function recommend(
  q: Questionnaire,
  results: Pick<Results, 'sections' | 'items'>,
  targets: Partial<Record<DimensionId, number>> | null,
): RecommendationResult[] {
  const targetOf = (d: DimensionId) => targets?.[d] ?? DEFAULT_TARGET;
  const itemScore = new Map(results.items.map((i) => [i.id, i.score]));
  const sectionScore = new Map(results.sections.map((s) => [s.id, s.score]));
  const out: RecommendationResult[] = [];
  for (const rec of q.recommendations) {
    let score: number | null | undefined;
    let weight: number;
    let targetScore: number;
    if ('item' in rec.target) {
      const item = q.items.find((i) => i.id === (rec.target as { item: string }).item)!;
      score = itemScore.get(item.id);
      weight = item.weight;
      targetScore = targetOf(item.dimension);
    } else {
      const items = q.items.filter((i) => i.section === (rec.target as { section: string }).section);
      const totalWeight = items.reduce((s, i) => s + i.weight, 0);
      score = sectionScore.get(rec.target.section);
      weight = totalWeight / items.length;
      targetScore = items.reduce((s, i) => s + i.weight * targetOf(i.dimension), 0) / totalWeight;
    }
    if (score === null || score === undefined || score >= targetScore) continue;
    if (rec.atLevels && !rec.atLevels.includes(maturityLevel(score))) continue;
    const priorityScore = weight * (targetScore - score);
    out.push({
      id: rec.id,
      target: rec.target,
      priority: priorityScore >= HIGH ? 'high' : priorityScore >= MEDIUM ? 'medium' : 'low',
      priorityScore,
      score,
      targetScore,
      ...(rec.atLevels && { atLevels: rec.atLevels }),
      text: rec.text,
      source: rec.source,
    });
  }
  return out.sort((a, b) => b.priorityScore - a.priorityScore || a.id.localeCompare(b.id));
}
