import type { ActionStatus } from '../../domain/actions.js';
import type { MeasuredAction, MeasureStatus, PlannedAction, ReportActions } from '../../domain/actionsChange.js';
import { formatNumber, type ReportLang } from '../text/format.js';
import type { Fmt } from './format.js';
import type { DirectedText, Table, TableRow } from './types.js';

// The action plan in a report: the assessment's open actions ("Action plan"), and, when the round before
// had actions, each of them with the measured change of its target ("What changed since the last action
// plan"). The comparison report lists the actions of each interval the same way (reports/trend/actions.ts).

export interface ActionsSection {
  kind: 'actions';
  title: string;
  intro: string;
  /** One table each, under its own heading when there are several (the comparison's intervals). */
  groups: Array<{ heading: string | null; table: Table }>;
  notes: string[];
}

const TEXT = {
  fa: {
    planTitle: 'برنامه‌ی اقدام',
    planIntro: 'اقدام‌هایی که پس از این ارزیابی تصمیم گرفته شده و هنوز باز است: مسئول هر کدام، موعد و وضعیتش. ارزیابی بعدی تغییر هدف هر اقدام را می‌سنجد.',
    changedTitle: 'آنچه از برنامه‌ی اقدام پیشین تغییر کرد',
    changedIntro: (title: string) =>
      `اقدام‌هایی که پس از ارزیابی «${title}» تصمیم گرفته شد، و تغییر امتیاز هدف هر کدام از آن ارزیابی تا این یکی: تفاوت میانگین‌ها با بازه‌ی اطمینان ۹۵٪ آن (آزمون t ولش) و اندازه‌ی اثر d کوهن. تغییر فقط از پاسخ‌هایی حساب می‌شود که در نتایج آمده‌اند.`,
    columns: { action: 'اقدام', target: 'هدف', owner: 'مسئول', due: 'موعد', status: 'وضعیت', scores: 'امتیاز', change: 'تغییر', ci: 'بازه‌ی ۹۵٪ تغییر', p: 'مقدار p', d: 'd کوهن' },
    status: { planned: 'برنامه‌ریزی‌شده', doing: 'در حال انجام', done: 'انجام‌شده', dropped: 'کنار گذاشته‌شده' } as Record<ActionStatus, string>,
    overdue: 'از موعد گذشته',
    scores: (a: string, b: string) => `از ${a} به ${b}`,
    range: (a: string, b: string) => `${a} تا ${b}`,
    notes: {
      noNextAssessment: 'ارزیابی بعدی هنوز نیست.',
      itemsMissing: (ids: string) => `گویه‌های ${ids} در نسخه‌ی دیگر پرسش‌نامه نیستند؛ تغییر حدس زده نمی‌شود.`,
      targetMissing: 'هدف در هر دو نسخه‌ی پرسش‌نامه گویه‌ی مشترکی ندارد.',
      notDisclosed: 'یکی از دو ارزیابی کمتر از حد ناشناس‌ماندن پاسخ در نتایج دارد؛ تغییری نشان داده نمی‌شود.',
    },
    marks: 'ردیف پررنگ یعنی تغییر معنادار است (p زیر ۰٫۰۵). d کوهن اندازه‌ی تغییر را به واحد انحراف معیار می‌گوید: حدود ۰٫۲ کوچک، ۰٫۵ متوسط و ۰٫۸ بزرگ. «—» یعنی آزمونی ممکن نبود (پاسخ یا پراکندگی کافی نبود).',
    listSep: '، ',
  },
  en: {
    planTitle: 'Action plan',
    planIntro: 'The actions decided after this assessment that are still open: who owns each, by when, and where it stands. The next assessment measures the change of each action’s target.',
    changedTitle: 'What changed since the last action plan',
    changedIntro: (title: string) =>
      `The actions decided after “${title}”, and how each target’s score changed from that assessment to this one: the difference of the means with its 95% confidence interval (Welch’s t test) and Cohen’s d. Changes are computed only from the responses in the figures.`,
    columns: { action: 'Action', target: 'Target', owner: 'Owner', due: 'Due', status: 'Status', scores: 'Score', change: 'Change', ci: '95% CI of change', p: 'p', d: 'd' },
    status: { planned: 'Planned', doing: 'Under way', done: 'Done', dropped: 'Dropped' } as Record<ActionStatus, string>,
    overdue: 'overdue',
    scores: (a: string, b: string) => `${a} to ${b}`,
    range: (a: string, b: string) => `${a} to ${b}`,
    notes: {
      noNextAssessment: 'No later assessment yet.',
      itemsMissing: (ids: string) => `Items ${ids} are not in the other questionnaire version; the change is not guessed.`,
      targetMissing: 'The target has no item that both questionnaire versions share.',
      notDisclosed: 'One of the two assessments has fewer responses in its figures than the anonymity threshold; no change is shown.',
    },
    marks: 'A bold row is a significant change (p below 0.05). Cohen’s d gives the size of the change in standard deviations: about 0.2 small, 0.5 medium, 0.8 large. “—” means no test was possible (too few responses or no spread).',
    listSep: ', ',
  },
} as const;

export type ActionsText = (typeof TEXT)[ReportLang];
export const actionsText = (lang: ReportLang) => TEXT[lang];

/** One action as a report's tables show it, whichever report it comes from. */
export interface ActionLine {
  title: string;
  target: string;
  owner: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  status: ActionStatus;
  overdue: boolean;
  /** Null for an open action listed without its change. */
  measure: {
    status: MeasureStatus;
    missingItems: string[];
    from: number | null;
    to: number | null;
    delta: number | null;
    ci95: [number, number] | null;
    p: number | null;
    d: number | null;
    significant: boolean | null;
    tested: boolean;
  } | null;
}

/** An action of the assessment report's data as a line. */
export function lineOf(a: PlannedAction | MeasuredAction, lang: ReportLang): ActionLine {
  const base = { title: a.action.title, target: a.targetName[lang], owner: a.action.owner, dueDate: a.action.due_date, status: a.action.status, overdue: a.overdue };
  if (!('measure' in a)) return { ...base, measure: null };
  const m = a.measure;
  const c = m.status === 'measured' && m.before && m.after ? m.change : null;
  return {
    ...base,
    measure: {
      status: m.status, missingItems: m.missingItems, from: m.before?.mean ?? null, to: m.after?.mean ?? null, delta: c?.delta ?? null,
      ci95: c?.ci95 ? [c.ci95.low, c.ci95.high] : null, p: c?.p ?? null, d: c?.cohensD ?? null, significant: c?.significant ?? null, tested: c?.tested ?? false,
    },
  };
}

const dueDay = (fmt: Fmt, day: string) => fmt.date(new Date(`${day}T12:00:00Z`));
const statusOf = (t: ActionsText, a: ActionLine) => (a.overdue ? `${t.status[a.status]} (${t.overdue})` : t.status[a.status]);

/** p with two decimals, three below 0.01, "< 0.001" below that. */
function pValue(p: number, lang: ReportLang): string {
  // A no-break space: the narrow p column must not split the sign from the number.
  if (p < 0.001) return `<\u00a0${formatNumber(0.001, lang, { minimumFractionDigits: 3, maximumFractionDigits: 3 })}`;
  return formatNumber(p, lang, { minimumFractionDigits: p < 0.01 ? 3 : 2, maximumFractionDigits: p < 0.01 ? 3 : 2 });
}

/** Why a measure has no change, as the report says it. */
export function measureNoteText(t: ActionsText, status: Exclude<MeasureStatus, 'measured'>, missing: readonly string[]): string {
  return status === 'itemsMissing' ? t.notes.itemsMissing(missing.join(t.listSep)) : t.notes[status];
}

/** Actions with owner, due day and status, one row each. */
export function openActionsTable(list: readonly ActionLine[], fmt: Fmt, lang: ReportLang): Table {
  const t = TEXT[lang];
  const cell = (text: string): DirectedText => ({ text, dir: fmt.dir });
  return {
    columns: [
      { label: t.columns.action, weight: 2.6 },
      { label: t.columns.target, weight: 2.2 },
      { label: t.columns.owner, weight: 1.3 },
      { label: t.columns.due, weight: 1.2 },
      { label: t.columns.status, weight: 1.3 },
    ],
    rows: list.map((a) => ({ cells: [fmt.directed(a.title), fmt.directed(a.target), fmt.directed(a.owner), cell(dueDay(fmt, a.dueDate)), cell(statusOf(t, a))], emphasis: a.overdue })),
  };
}

/** Each action with its status and its target's change; an unmeasured one says why across the figures. */
export function measuredActionsTable(list: readonly ActionLine[], fmt: Fmt, lang: ReportLang): Table {
  const t = TEXT[lang];
  const cell = (text: string): DirectedText => ({ text, dir: fmt.dir });
  const rows = list.map((a): TableRow => {
    const m = a.measure;
    if (!m || m.status !== 'measured' || m.delta === null) {
      // The action's name, then one note across the rest (tableBlock draws a row with a note so).
      const why = !m ? 'noNextAssessment' : m.status === 'measured' ? 'notDisclosed' : m.status;
      return { cells: [fmt.directed(`${a.title} · ${a.target}`)], note: measureNoteText(t, why, m?.missingItems ?? []) };
    }
    const ci = m.ci95 ? t.range(fmt.signed(m.ci95[0]), fmt.signed(m.ci95[1])) : '—';
    const tested = m.tested && m.p !== null;
    return {
      cells: [
        fmt.directed(a.title), fmt.directed(a.target), cell(statusOf(t, a)), cell(t.scores(fmt.score(m.from), fmt.score(m.to))),
        cell(fmt.signed(m.delta)), cell(ci), cell(tested ? pValue(m.p!, lang) : '—'), cell(tested ? fmt.coefficient(m.d) : '—'),
      ],
      emphasis: m.significant === true,
    };
  });
  return {
    columns: [
      { label: t.columns.action, weight: 1.9 },
      { label: t.columns.target, weight: 1.7 },
      { label: t.columns.status, weight: 1.05 },
      { label: t.columns.scores, weight: 1.15 },
      { label: t.columns.change, weight: 0.75, numeric: true },
      { label: t.columns.ci, weight: 1.25, numeric: true },
      { label: t.columns.p, weight: 0.65, numeric: true },
      { label: t.columns.d, weight: 0.7, numeric: true },
    ],
    rows,
  };
}

/** The assessment report's action sections, in reading order; none when there are no actions to show. */
export function actionSections(actions: ReportActions | null | undefined, fmt: Fmt, lang: ReportLang): ActionsSection[] {
  if (!actions) return [];
  const t = TEXT[lang];
  const out: ActionsSection[] = [];
  const previous = actions.previous;
  if (previous?.actions.length)
    out.push({
      kind: 'actions', title: t.changedTitle, intro: t.changedIntro(`\u2068${previous.assessmentTitle}\u2069`),
      groups: [{ heading: null, table: measuredActionsTable(previous.actions.map((a) => lineOf(a, lang)), fmt, lang) }], notes: [t.marks],
    });
  if (actions.open.length)
    out.push({ kind: 'actions', title: t.planTitle, intro: t.planIntro, groups: [{ heading: null, table: openActionsTable(actions.open.map((a) => lineOf(a, lang)), fmt, lang) }], notes: [] });
  return out;
}
