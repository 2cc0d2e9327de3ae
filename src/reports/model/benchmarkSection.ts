import type { BenchmarkResult } from '../../domain/peerStanding.js';
import type { Ctx } from './buildReportModel.js';
import type { BenchmarkSection } from './types.js';

const TEXT = {
  fa: {
    title: 'جایگاه در میان سازمان‌های دیگر',
    intro: (peers: string) =>
      `این بخش امتیاز سازمان را با آخرین ارزیابی بسته‌شده‌ی ${peers} سازمان دیگر که همین نسخه‌ی پرسش‌نامه را به کار برده‌اند مقایسه می‌کند. صدک یعنی چند درصد آن سازمان‌ها امتیاز کمتری داشته‌اند. نام هیچ سازمانی آورده نمی‌شود.`,
    columns: ['شاخص', 'امتیاز', 'صدک'],
    overall: 'آمادگی کلی',
  },
  en: {
    title: 'Standing among other organizations',
    intro: (peers: string) =>
      `This section compares the organization's scores with the latest closed assessment of ${peers} other organizations that used the same questionnaire version. The percentile is the share of those organizations that scored lower. No organization is named.`,
    columns: ['Measure', 'Score', 'Percentile'],
    overall: 'Overall readiness',
  },
} as const;

/** The benchmark as a short section; null when fewer peers qualify than the minimum (nothing is shown). */
export function benchmarkSection({ input, lang, fmt, r }: Ctx): BenchmarkSection | null {
  const b: BenchmarkResult | null | undefined = input.benchmark;
  if (!b || !b.available) return null;
  const t = TEXT[lang];
  const pct = (p: number | null) => (p === null ? fmt.score(null) : fmt.count(Math.round(p)));
  const dimensionName = new Map(r.dimensions.map((d) => [d.id, d.name]));
  return {
    kind: 'benchmark',
    title: t.title,
    intro: t.intro(fmt.count(b.peerOrganizations)),
    table: {
      columns: [
        { label: t.columns[0], weight: 3 },
        { label: t.columns[1], weight: 1, numeric: true },
        { label: t.columns[2], weight: 1, numeric: true },
      ],
      rows: [
        { cells: [fmt.directed(t.overall), fmt.directed(fmt.score(b.overall.score)), fmt.directed(pct(b.overall.percentile))], emphasis: true },
        ...b.dimensions.map((d) => ({ cells: [fmt.directed(dimensionName.get(d.id) ?? d.id), fmt.directed(fmt.score(d.score)), fmt.directed(pct(d.percentile))] })),
      ],
    },
  };
}
