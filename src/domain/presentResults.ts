import type { Lang } from '../questionnaire/localize.js';
import type { DimensionId, Questionnaire } from '../questionnaire/schema.js';
import { quoteFor, seedTitle } from '../questionnaire/sources.js';
import type { Ci95 } from './describe.js';
import type { MaturityLevel } from './maturity.js';
import { recommend } from './recommendations.js';
import type { Results } from './results.js';

export interface AssessmentRef {
  id: string;
  questionnaire: { id: string; version: number };
  targets: Partial<Record<DimensionId, number>> | null;
  anonymityThreshold: number;
}

/**
 * The results as the API serves them: the computed figures (unrounded) with names and level descriptions
 * in the requested language and the prioritized recommendations. A dimension's level is described for that
 * dimension where the questionnaire says what each level means per dimension (mehvar-core v2).
 */
export function presentResults(assessment: AssessmentRef, q: Questionnaire, r: Results, lang: Lang, excludeFlagged: boolean) {
  const level = (value: MaturityLevel | null, dimension?: DimensionId) => {
    if (value === null) return null;
    const m = q.maturityLevels.find((l) => l.level === value)!;
    const description = (dimension && m.byDimension?.[dimension]) ?? m.description;
    return { value, name: m.name[lang], description: description[lang] };
  };
  const ci = (c: Ci95 | null): [number, number] | null => (c ? [c.low, c.high] : null);
  const dimensionName = new Map(q.dimensions.map((d) => [d.id, d.name[lang]]));
  const levelName = new Map(q.levels.map((l) => [l.id, l.name[lang]]));
  const sectionTitle = new Map(q.sections.map((s) => [s.id, s.title[lang]]));
  const items = new Map(q.items.map((i) => [i.id, i]));
  // Below k responses in the figures: counts and the response rate only (domain/anonymity.ts).
  const shown = r.snapshot?.figuresShown ?? true;
  const when = <T,>(list: T[]): T[] => (shown ? list : []);
  return {
    assessmentId: assessment.id,
    questionnaire: assessment.questionnaire,
    lang,
    excludeFlagged,
    anonymityThreshold: assessment.anonymityThreshold,
    snapshot: r.snapshot,
    respondents: r.respondents,
    overall: { score: r.overall.score, level: level(r.overall.level) },
    dimensions: when(r.dimensions).map((d) => ({ ...d, ci95: ci(d.ci95), name: dimensionName.get(d.id)!, level: level(d.level, d.id) })),
    levels: when(r.levels).map((l) => ({ ...l, ci95: ci(l.ci95), name: levelName.get(l.id)! })),
    sections: when(r.sections).map((s) => ({ ...s, ci95: ci(s.ci95), title: sectionTitle.get(s.id)! })),
    items: when(r.items).map((i) => {
      const def = items.get(i.id)!;
      return { ...i, text: def.text[lang], dimension: def.dimension, level: def.level, section: def.section, reverse: def.reverse, weight: def.weight };
    }),
    breakdowns: { role: when(r.breakdowns.role), department: when(r.breakdowns.department) },
    perceptionGap: shown ? r.perceptionGap : null,
    quality: r.quality,
    // Each cites its seed by title and quotes it in the reader's language where a translation exists.
    recommendations: shown
      ? recommend(q, r, assessment.targets).map((rec) => ({
        ...rec,
        source: { ...rec.source, title: seedTitle(q, rec.source.file, lang) },
        quote: quoteFor(rec.source, lang),
      }))
      : [],
  };
}

export type PresentedResults = ReturnType<typeof presentResults>;
