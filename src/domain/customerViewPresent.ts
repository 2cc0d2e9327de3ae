import type { Lang } from '../questionnaire/localize.js';
import type { Questionnaire } from '../questionnaire/schema.js';
import { quoteFor, seedTitle } from '../questionnaire/sources.js';
import { type CustomerFactor, type CustomerView, rankGaps } from './customerView.js';
import type { FactorSide } from './customerView.js';

/** Recommendations are given for at most this many of the largest gaps. */
export const GAP_RECOMMENDATIONS = 3;

const side = (s: FactorSide | null) => (s ? { score: s.mean, n: s.n, sd: s.sd, ci95: s.ci95 ? ([s.ci95.low, s.ci95.high] as [number, number]) : null } : null);

/**
 * The customers' view as the API, the dashboard and the report show it: factor names in the reader's
 * language, the factors ranked by gap, and the customer questionnaire's recommendation for each of the
 * largest gaps where staff rate themselves above their customers. Nothing at all below k customers.
 */
export function presentCustomerView(view: CustomerView, q: Questionnaire, lang: Lang) {
  const shown = view.snapshot.figuresShown;
  const items = new Map(q.items.map((i) => [i.id, i]));
  const factors = shown
    ? view.factors.map((f) => {
      const item = items.get(f.id)!;
      return { id: f.id, name: (item.label ?? item.text)[lang], question: item.text[lang], mirrors: f.mirrors, staff: side(f.staff), customers: side(f.customers), gap: f.gap, t: f.t, df: f.df, p: f.p, significant: f.significant };
    })
    : [];
  const ranked: CustomerFactor[] = shown ? rankGaps(view) : [];
  const recommendations = ranked
    .filter((f) => (f.gap as number) > 0)
    .slice(0, GAP_RECOMMENDATIONS)
    .flatMap((f) => {
      const rec = q.recommendations.find((r) => 'item' in r.target && r.target.item === f.id);
      if (!rec) return [];
      return [{ factor: f.id, gap: f.gap as number, text: rec.text[lang], source: { file: rec.source.file, title: seedTitle(q, rec.source.file, lang), quote: quoteFor(rec.source, lang).text } }];
    });
  return { snapshot: view.snapshot, respondents: view.respondents, staffShown: view.staffShown, factors, ranked: ranked.map((f) => f.id), recommendations };
}

export type PresentedCustomerView = ReturnType<typeof presentCustomerView>;
