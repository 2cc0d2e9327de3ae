import type { DirectedText, Table } from '../model/types.js';
import type { TrendCtx } from './model.js';

// The comparison report's page on the customers' own scores (issue 20): per factor of the customer survey,
// each round's score from k customer answers on, and the last change with its Welch test. Staff figures
// are the report's other pages; customer answers never enter them.

export interface TrendCustomersSection {
  kind: 'customers';
  title: string;
  intro: string;
  table: Table;
  note: string;
}

const TEXT = {
  fa: {
    title: 'نمره‌ی مشتریان در دورها',
    intro: 'امتیاز هر عامل از نگاه خود مشتریان (نظرسنجی کوتاه مشتریان)، در هر ارزیابی که دست‌کم به حد نصاب پاسخ مشتری داشته است. این امتیازها جدا از امتیاز کارکنان‌اند.',
    factor: 'عامل',
    change: 'تغییر آخر',
    answers: (n: string) => `${n} پاسخ`,
    note: 'تغییر آخر: امتیاز ارزیابی آخر منهای ارزیابی پیش از آن؛ * یعنی معنادار با آزمون t ولچ در سطح ۵ درصد. «—»: کمتر از حد نصاب پاسخ یا بی‌نظرسنجی.',
  },
  en: {
    title: "The customers' scores across assessments",
    intro: "Each factor's score in the customers' own eyes (the short customer survey), in every assessment with enough customer answers. These scores stand apart from the staff's.",
    factor: 'Factor',
    change: 'Last change',
    answers: (n: string) => `${n} answers`,
    note: "Last change: the last assessment's score minus the one before; * means significant by Welch's t test at 5%. “—”: too few customer answers, or no survey.",
  },
} as const;

/** The section, or null when no assessment compared has customer figures to show. */
export function trendCustomersSection(ctx: TrendCtx): TrendCustomersSection | null {
  const c = ctx.t.customers;
  if (!c || !c.rounds.some((r) => r.figuresShown)) return null;
  const { fmt, lang } = ctx;
  const text = TEXT[lang];
  const title = new Map(ctx.t.assessments.map((a) => [a.id, a.title]));
  const cell = (s: string): DirectedText => ({ text: s, dir: fmt.dir });
  return {
    kind: 'customers',
    title: text.title,
    intro: text.intro,
    table: {
      columns: [
        { label: text.factor, weight: 2.2 },
        ...c.rounds.map((r) => ({ label: `${title.get(r.assessmentId) ?? ''} (${text.answers(fmt.count(r.submitted))})`, weight: 1.2, numeric: true })),
        { label: text.change, weight: 1.1, numeric: true },
      ],
      rows: c.factors.map((f) => {
        const last = f.changes.at(-1);
        return {
          cells: [fmt.directed(f.name), ...f.points.map((p) => cell(fmt.score(p.score))), cell(last ? `${fmt.signed(last.delta)}${last.significant ? '*' : ''}` : '—')],
          emphasis: last?.significant === true,
        };
      }),
    },
    note: text.note,
  };
}
