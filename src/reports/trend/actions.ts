import type { PresentedTrend } from '../../domain/presentTrend.js';
import { type ActionLine, type ActionsSection, actionsText, measuredActionsTable, openActionsTable } from '../model/actions.js';
import type { ReportLang } from '../text/index.js';
import type { TrendCtx } from './model.js';

// The comparison report's actions, per interval: the actions decided after each assessment and how each
// target moved to the next one (the trend's `actions`, src/domain/actionsPresent.ts).

const TEXT = {
  fa: {
    title: 'اقدام‌ها و آنچه تغییر دادند',
    intro:
      'برای هر فاصله‌ی میان دو ارزیابی پیاپی: اقدام‌هایی که پس از ارزیابی نخست تصمیم گرفته شد، وضعیت هر کدام و تغییر امتیاز هدفش تا ارزیابی بعدی، با بازه‌ی اطمینان ۹۵٪ (آزمون t ولش) و d کوهن. هدف‌هایی که گویه‌شان در نسخه‌ی بعدی پرسش‌نامه نیست سنجیده نمی‌شوند و این گفته می‌شود.',
    interval: (a: string, da: string, b: string, db: string) => `از «${a}» (${da}) تا «${b}» (${db})`,
    pending: (a: string, da: string) => `پس از «${a}» (${da})؛ با ارزیابی بعدی سنجیده می‌شود`,
  },
  en: {
    title: 'Actions and what they moved',
    intro:
      'For each interval between consecutive assessments: the actions decided after the first, where each stands, and how its target’s score changed by the next assessment, with the 95% confidence interval (Welch’s t test) and Cohen’s d. Targets whose items the next questionnaire version does not have are not measured, and the table says so.',
    interval: (a: string, da: string, b: string, db: string) => `From “${a}” (${da}) to “${b}” (${db})`,
    pending: (a: string, da: string) => `After “${a}” (${da}); measured by the next assessment`,
  },
} as const;

/** A presented action of the trend as a report line. */
function lineOf(x: PresentedTrend['actions'][number]): ActionLine {
  const c = x.change;
  return {
    title: x.title, target: x.target.name, owner: x.owner, dueDate: x.dueDate, status: x.status, overdue: x.overdue,
    measure: {
      status: x.measurement.status, missingItems: x.measurement.missingItems, from: c?.from ?? null, to: c?.to ?? null, delta: c?.delta ?? null,
      ci95: c?.ci95 ?? null, p: c?.p ?? null, d: c?.d ?? null, significant: c?.significant ?? null, tested: c?.tested ?? false,
    },
  };
}

const isolate = (s: string) => `\u2068${s}\u2069`;

/** The actions per interval, oldest first; null when no assessment compared has actions. */
export function trendActionsSection(ctx: TrendCtx): ActionsSection | null {
  const { t, lang, fmt, dates } = ctx;
  // A trend presented before actions existed (a stored or hand-made one) has none.
  const actions = t.actions ?? [];
  if (!actions.length) return null;
  const text = TEXT[lang as ReportLang];
  const groups = t.assessments.flatMap((a, i) => {
    const lines = actions.filter((x) => x.assessmentId === a.id).map(lineOf);
    if (!lines.length) return [];
    const next = t.assessments[i + 1];
    return next
      ? [{ heading: text.interval(isolate(a.title), dates.get(a.id)!, isolate(next.title), dates.get(next.id)!), table: measuredActionsTable(lines, fmt, lang) }]
      : [{ heading: text.pending(isolate(a.title), dates.get(a.id)!), table: openActionsTable(lines, fmt, lang) }];
  });
  return { kind: 'actions', title: text.title, intro: text.intro, groups, notes: [actionsText(lang).marks] };
}
