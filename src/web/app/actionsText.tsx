import type { ActionStatus } from '../../domain/actions.js';
import type { MeasureStatus } from '../../domain/actionsChange.js';
import type { Lang } from '../shared/i18n.js';

// The action board's words, in both languages, apart from messages.*.ts so the board reads as one file.

export interface ActionsText {
  title: string;
  crumb: string;
  intro: string;
  none: string;
  status: Record<ActionStatus, string>;
  overdue: string;
  due: (date: string) => string;
  owner: (name: string) => string;
  fromAssessment: (title: string) => string;
  target: (name: string) => string;
  change: {
    title: (from: string, to: string) => string;
    figures: (from: string, to: string, delta: string) => string;
    labels: { measured: string; ci: string; d: string };
    significant: string;
    notSignificant: string;
    untested: string;
    note: Record<Exclude<MeasureStatus, 'measured'>, string>;
    missingItems: (ids: string) => string;
    incomparable: string;
  };
  edit: string;
  save: string;
  remove: string;
  fields: { assessment: string; title: string; owner: string; dueDate: string; dueHint: string; status: string; target: string; description: string };
  targetGroups: { dimension: string; section: string };
  createTitle: string;
  create: string;
  fromRecommendation: string;
  fromRecommendationHint: string;
  alreadyAction: string;
  board: string;
  readOnly: string;
  compare: { title: string; intro: string; interval: (from: string, to: string) => string; pending: (from: string) => string; columns: { action: string; target: string; status: string; scores: string; delta: string; ci: string; p: string; d: string } };
  errors: Record<string, string>;
  refused: string;
}

const fa: ActionsText = {
  title: 'برنامه‌ی اقدام',
  crumb: 'برنامه‌ی اقدام',
  intro: 'اقدام‌هایی که پس از هر ارزیابی تصمیم گرفته شده: مسئول، موعد و وضعیت هر کدام. وقتی ارزیابی بعدی نتیجه داشته باشد، تغییر اندازه‌گیری‌شده‌ی هدف هر اقدام همین‌جا دیده می‌شود.',
  none: 'هنوز اقدامی ثبت نشده است. از پیشنهادهای صفحه‌ی نتایج با یک دکمه اقدام بسازید یا از فرم زیر.',
  status: { planned: 'برنامه‌ریزی‌شده', doing: 'در حال انجام', done: 'انجام‌شده', dropped: 'کنار گذاشته‌شده' },
  overdue: 'از موعد گذشته',
  due: (d) => `موعد: ${d}`,
  owner: (n) => `مسئول: ${n}`,
  fromAssessment: (t) => `از ارزیابی «${t}»`,
  target: (n) => `هدف: ${n}`,
  change: {
    title: (a, b) => `تغییر از «${a}» تا «${b}»`,
    figures: (a, b, d) => `${a} ← ${b} (تغییر ${d})`,
    labels: { measured: 'تغییر اندازه‌گیری‌شده: ', ci: 'بازه‌ی اطمینان ۹۵٪: ', d: 'd کوهن: ' },
    significant: 'معنادار',
    notSignificant: 'معنادار نیست',
    untested: 'بدون آزمون (پاسخ‌ها یا پراکندگی کافی نیست)',
    note: {
      noNextAssessment: 'تغییر با ارزیابی بعدی اندازه‌گیری می‌شود.',
      itemsMissing: 'برخی گویه‌های هدف در نسخه‌ی بعدی پرسش‌نامه نیستند؛ تغییرشان حدس زده نمی‌شود.',
      targetMissing: 'هدف در هر دو نسخه‌ی پرسش‌نامه گویه‌ی مشترکی ندارد.',
      notDisclosed: 'یکی از دو ارزیابی کمتر از حد ناشناس‌ماندن پاسخ در نتایج دارد؛ تغییری نشان داده نمی‌شود.',
    },
    missingItems: (ids) => `گویه‌های حذف‌شده: ${ids}`,
    incomparable: 'نسخه‌های پرسش‌نامه‌ی ارزیابی‌ها برای مقایسه بیش از حد متفاوت‌اند؛ تغییرها نشان داده نمی‌شوند.',
  },
  edit: 'ویرایش',
  save: 'ذخیره',
  remove: 'حذف اقدام',
  fields: { assessment: 'ارزیابی', title: 'عنوان اقدام', owner: 'مسئول', dueDate: 'موعد', dueHint: 'روز میلادی به شکل YYYY-MM-DD؛ نه پیش از شروع ارزیابی.', status: 'وضعیت', target: 'هدف', description: 'شرح (اختیاری)' },
  targetGroups: { dimension: 'بُعد', section: 'بخش' },
  createTitle: 'اقدام تازه',
  create: 'ثبت اقدام',
  fromRecommendation: 'ساختن اقدام از این پیشنهاد',
  fromRecommendationHint: 'هدف همین پیشنهاد است؛ مسئول و موعد را در برنامه‌ی اقدام تغییر دهید.',
  alreadyAction: 'این پیشنهاد در برنامه‌ی اقدام است',
  board: 'برنامه‌ی اقدام',
  readOnly: 'دسترسی شما فقط خواندنی است.',
  compare: {
    title: 'اقدام‌ها و آنچه تغییر دادند',
    intro: 'برای هر فاصله‌ی میان دو ارزیابی پیاپی: اقدام‌هایی که پس از ارزیابی نخست تصمیم گرفته شد و تغییر امتیاز هدف هر کدام تا ارزیابی بعدی (آزمون t ولش و d کوهن).',
    interval: (a, b) => `از «${a}» تا «${b}»`,
    pending: (a) => `پس از «${a}»؛ با ارزیابی بعدی سنجیده می‌شود`,
    columns: { action: 'اقدام', target: 'هدف', status: 'وضعیت', scores: 'امتیاز', delta: 'تغییر', ci: 'بازه‌ی ۹۵٪', p: 'p', d: 'd کوهن' },
  },
  errors: {
    assessmentId: 'ارزیابی را انتخاب کنید.',
    title: 'عنوان را بنویسید (حداکثر ۳۰۰ نویسه).',
    owner: 'مسئول را بنویسید (حداکثر ۲۰۰ نویسه).',
    dueDate: 'موعد باید روزی به شکل YYYY-MM-DD و نه پیش از شروع ارزیابی باشد.',
    status: 'وضعیت را انتخاب کنید.',
    target: 'هدفی از پرسش‌نامه‌ی همین ارزیابی انتخاب کنید.',
    description: 'شرح حداکثر ۴۰۰۰ نویسه است.',
  },
  refused: 'این اقدام با ارزیابی‌اش جور نیست؛ خطاهای زیر را ببینید.',
};

const en: ActionsText = {
  title: 'Action plan',
  crumb: 'Action plan',
  intro: 'What was decided after each assessment: who owns it, by when, and where it stands. Once the next assessment has figures, the measured change of each action’s target shows here.',
  none: 'No actions yet. Create one from a recommendation on the results page in one click, or with the form below.',
  status: { planned: 'Planned', doing: 'Under way', done: 'Done', dropped: 'Dropped' },
  overdue: 'Overdue',
  due: (d) => `Due ${d}`,
  owner: (n) => `Owner: ${n}`,
  fromAssessment: (t) => `From “${t}”`,
  target: (n) => `Target: ${n}`,
  change: {
    title: (a, b) => `Change from “${a}” to “${b}”`,
    figures: (a, b, d) => `${a} → ${b} (change ${d})`,
    labels: { measured: 'Measured change: ', ci: '95% CI ', d: 'Cohen’s d ' },
    significant: 'significant',
    notSignificant: 'not significant',
    untested: 'untested (too few responses or no spread)',
    note: {
      noNextAssessment: 'The change is measured by the next assessment.',
      itemsMissing: 'Some targeted items are not in the next questionnaire version; their change is not guessed.',
      targetMissing: 'The target has no item that both questionnaire versions share.',
      notDisclosed: 'One of the two assessments has fewer responses in its figures than the anonymity threshold; no change is shown.',
    },
    missingItems: (ids) => `Items gone: ${ids}`,
    incomparable: 'The assessments’ questionnaire versions are too different to compare; no changes are shown.',
  },
  edit: 'Edit',
  save: 'Save',
  remove: 'Delete action',
  fields: { assessment: 'Assessment', title: 'Action', owner: 'Owner', dueDate: 'Due date', dueHint: 'YYYY-MM-DD; not before the assessment started.', status: 'Status', target: 'Target', description: 'Description (optional)' },
  targetGroups: { dimension: 'Dimension', section: 'Section' },
  createTitle: 'New action',
  create: 'Add action',
  fromRecommendation: 'Make this an action',
  fromRecommendationHint: 'Its target is this recommendation’s; change the owner and due date on the action plan.',
  alreadyAction: 'This recommendation is on the action plan',
  board: 'Action plan',
  readOnly: 'Your access is read-only.',
  compare: {
    title: 'Actions and what they moved',
    intro: 'For each interval between consecutive assessments: the actions decided after the first, and how each target’s score changed by the next (Welch’s t test, Cohen’s d).',
    interval: (a, b) => `From “${a}” to “${b}”`,
    pending: (a) => `After “${a}”; measured by the next assessment`,
    columns: { action: 'Action', target: 'Target', status: 'Status', scores: 'Score', delta: 'Change', ci: '95% CI', p: 'p', d: 'Cohen’s d' },
  },
  errors: {
    assessmentId: 'Choose an assessment.',
    title: 'Write a title (at most 300 characters).',
    owner: 'Name an owner (at most 200 characters).',
    dueDate: 'The due date must be a day as YYYY-MM-DD, not before the assessment started.',
    status: 'Choose a status.',
    target: 'Choose a target from this assessment’s questionnaire.',
    description: 'The description is at most 4,000 characters.',
  },
  refused: 'This action does not fit its assessment; see the problems below.',
};

export const ACTIONS_TEXT: Record<Lang, ActionsText> = { fa, en };
