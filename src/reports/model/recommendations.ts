import type { RecommendationResult } from '../../domain/recommendations.js';
import type { Ctx } from './buildReportModel.js';
import type { DirectedText, RecommendationsSection } from './types.js';

/** "Section «…»" or "Item 12 in section «…»", in the report's language. */
export function recommendationTarget({ q, lang, fmt, s }: Ctx, target: RecommendationResult['target']): DirectedText {
  const sectionTitle = (id: string) => q.sections.find((x) => x.id === id)?.title[lang] ?? id;
  if ('section' in target) return { text: s.targetSection(sectionTitle(target.section)), dir: fmt.dir };
  const index = q.items.findIndex((i) => i.id === target.item);
  const item = q.items[index];
  return { text: s.targetItem(fmt.count(index + 1), sectionTitle(item.section)), dir: fmt.dir };
}

/** Most urgent first, as recommend() orders them; each with the seed text (by title) and quote it comes from. */
export function recommendationsSection(ctx: Ctx): RecommendationsSection {
  const { r, lang, fmt, s } = ctx;
  const t = s.recommendations;
  return {
    kind: 'recommendations',
    title: t.title,
    intro: t.intro,
    items: r.recommendations.map((rec, i) => ({
      rank: fmt.count(i + 1),
      priority: rec.priority,
      priorityLabel: s.priority[rec.priority],
      text: rec.text[lang],
      target: recommendationTarget(ctx, rec.target),
      figures: t.figures(fmt.score(rec.score), fmt.score(rec.targetScore)),
      sourceLabel: t.source,
      sourceTitle: rec.source.title,
      note: rec.source.note?.[lang] ?? null,
      quote: { text: rec.quote.text, dir: rec.quote.lang === 'fa' ? 'rtl' : 'ltr' },
    })),
    empty: r.recommendations.length ? null : t.empty,
  };
}
