import type { PresentedCustomerView } from '../../domain/customerViewPresent.js';
import type { ReportLang } from '../text/index.js';
import type { Fmt } from './format.js';
import type { DirectedText, Table } from './types.js';

// "In the customers' eyes": the customers' own scores beside the staff's, factor by factor, the gaps ranked
// largest first, and what to do about the largest. Pure; the strings of this section live here, in both
// languages, beside the one builder that uses them.

export interface CustomerViewSection {
  kind: 'customerView';
  title: string;
  intro: string;
  /** Why no figures are shown (fewer than k customers); null when they are. */
  notShown: string | null;
  chart: { categories: string[]; staff: (number | null)[]; customers: (number | null)[]; staffLabel: string; customersLabel: string } | null;
  rankedTitle: string;
  table: Table | null;
  notes: string[];
  recommendationsTitle: string;
  recommendations: { factor: string; gap: string; text: string; source: string; quote: DirectedText }[];
}

interface ViewStrings {
  title: string;
  intro: (customers: string, staffShown: boolean) => string;
  notShown: (submitted: string, k: string) => string;
  staff: string;
  customers: string;
  rankedTitle: string;
  columns: { factor: string; staff: string; customers: string; gap: string; significant: string };
  yes: string;
  no: string;
  untested: string;
  gapMeaning: string;
  welch: string;
  recommendationsTitle: string;
  gapLine: (factor: string, gap: string) => string;
  noPositiveGap: string;
  source: string;
}

const STRINGS: Record<ReportLang, ViewStrings> = {
  fa: {
    title: 'از نگاه مشتریان',
    intro: (n, staffShown) =>
      `${n} مشتری به نظرسنجی کوتاه مشتریان پاسخ دادند. برای هر عامل، امتیاز مشتریان کنار امتیازی آمده است که کارکنان در پرسش‌های هم‌تای آن به سازمان داده‌اند` +
      (staffShown ? '.' : '؛ امتیاز کارکنان هنوز به حد نصاب نرسیده است.') +
      ' پاسخ مشتریان هرگز در امتیازهای کارکنان شمرده نمی‌شود.',
    notShown: (submitted, k) => `تا کنون ${submitted} مشتری پاسخ داده‌اند. امتیاز مشتریان از ${k} پاسخ به بعد نشان داده می‌شود تا هیچ پاسخی شناسایی‌پذیر نباشد.`,
    staff: 'کارکنان',
    customers: 'مشتریان',
    rankedTitle: 'شکاف‌ها، از بزرگ‌ترین',
    columns: { factor: 'عامل', staff: 'کارکنان', customers: 'مشتریان', gap: 'شکاف', significant: 'معنادار؟' },
    yes: 'بله',
    no: 'خیر',
    untested: '—',
    gapMeaning: 'شکاف = امتیاز کارکنان منهای امتیاز مشتریان؛ شکاف مثبت یعنی کارکنان خود را بهتر از آنچه مشتریان می‌بینند ارزیابی کرده‌اند.',
    welch: 'معناداری با آزمون t ولچ در سطح ۵ درصد سنجیده شده است.',
    recommendationsTitle: 'پیشنهادها برای بزرگ‌ترین شکاف‌ها',
    gapLine: (f, g) => `${f} (شکاف ${g})`,
    noPositiveGap: 'در هیچ عاملی کارکنان خود را بالاتر از مشتریان ارزیابی نکرده‌اند.',
    source: 'منبع',
  },
  en: {
    title: "In the customers' eyes",
    intro: (n, staffShown) =>
      `${n} customers answered the short customer survey. For each factor, the customers' score stands beside the score staff gave the organization on the matching questions` +
      (staffShown ? '.' : '; the staff scores are not shown yet (too few staff responses).') +
      ' Customer answers never count in the staff figures.',
    notShown: (submitted, k) => `${submitted} customers have answered so far. Customer scores are shown from ${k} answers on, so that no answer can be singled out.`,
    staff: 'Staff',
    customers: 'Customers',
    rankedTitle: 'The gaps, largest first',
    columns: { factor: 'Factor', staff: 'Staff', customers: 'Customers', gap: 'Gap', significant: 'Significant?' },
    yes: 'yes',
    no: 'no',
    untested: '—',
    gapMeaning: 'Gap = staff score minus customer score; a positive gap means staff rate the organization higher than its customers do.',
    welch: "Significance by Welch's t test at the 5% level.",
    recommendationsTitle: 'Recommendations for the largest gaps',
    gapLine: (f, g) => `${f} (gap ${g})`,
    noPositiveGap: 'On no factor do staff rate the organization above its customers.',
    source: 'Source',
  },
};

/** The section, or null when the assessment has no customer survey. */
export function customerViewSection(view: PresentedCustomerView | null | undefined, fmt: Fmt): CustomerViewSection | null {
  if (!view) return null;
  const t = STRINGS[fmt.lang];
  const k = view.snapshot.k;
  const base = { kind: 'customerView' as const, title: t.title, rankedTitle: t.rankedTitle, recommendationsTitle: t.recommendationsTitle };
  if (!view.snapshot.figuresShown)
    return { ...base, intro: '', notShown: t.notShown(fmt.count(view.respondents.submitted), fmt.count(k)), chart: null, table: null, notes: [], recommendations: [] };
  const byId = new Map(view.factors.map((f) => [f.id, f]));
  const cell = (text: string): DirectedText => ({ text, dir: fmt.dir });
  const rows = [...view.ranked, ...view.factors.filter((f) => !view.ranked.includes(f.id)).map((f) => f.id)].map((id) => {
    const f = byId.get(id)!;
    return {
      cells: [
        fmt.directed(f.name),
        cell(fmt.score(f.staff?.score ?? null)),
        cell(fmt.score(f.customers?.score ?? null)),
        cell(fmt.signed(f.gap)),
        cell(f.significant === null ? t.untested : f.significant ? t.yes : t.no),
      ],
      emphasis: f.significant === true && (f.gap ?? 0) > 0,
    };
  });
  return {
    ...base,
    intro: t.intro(fmt.count(view.respondents.inFigures), view.staffShown),
    notShown: null,
    chart: {
      categories: view.factors.map((f) => f.name),
      staff: view.factors.map((f) => f.staff?.score ?? null),
      customers: view.factors.map((f) => f.customers?.score ?? null),
      staffLabel: t.staff,
      customersLabel: t.customers,
    },
    table: {
      columns: [
        { label: t.columns.factor, weight: 2.6 },
        { label: t.columns.staff, weight: 1, numeric: true },
        { label: t.columns.customers, weight: 1, numeric: true },
        { label: t.columns.gap, weight: 1, numeric: true },
        { label: t.columns.significant, weight: 1.1 },
      ],
      rows,
    },
    notes: [t.gapMeaning, t.welch, ...(view.recommendations.length ? [] : [t.noPositiveGap])],
    recommendations: view.recommendations.map((r) => ({
      factor: t.gapLine(byId.get(r.factor)!.name, fmt.signed(r.gap)),
      gap: fmt.signed(r.gap),
      text: r.text,
      source: `${t.source}: ${r.source.title}`,
      quote: fmt.directed(fmt.lang === 'fa' ? `«${r.source.quote}»` : `“${r.source.quote}”`),
    })),
  };
}
