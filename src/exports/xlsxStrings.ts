import type { Lang } from '../questionnaire/localize.js';

// Every fixed label of the results workbook in both languages. Sheet names stay within Excel's 31
// characters and avoid the characters it forbids in them (: \ / ? * [ ]).

export interface XlsxStrings {
  sheets: { summary: string; dimensions: string; levelsSections: string; items: string; breakdowns: string; recommendations: string; actions: string };
  summary: {
    title: string;
    organization: string;
    assessment: string;
    generated: string;
    questionnaire: string;
    threshold: string;
    submitted: string;
    invited: string;
    responseRate: string;
    inFigures: string;
    overall: string;
    overallLevel: string;
    straightLining: string;
    /** Below k: why the workbook holds counts only. */
    withheld: (k: number) => string;
    pending: (pending: number, more: number | null) => string;
    noChart: string;
  };
  columns: {
    id: string; name: string; score: string; n: string; sd: string; ciLow: string; ciHigh: string; level: string; levelName: string;
    alpha: string; rwg: string; target: string; gap: string; kind: string; number: string; section: string; dimension: string;
    reverse: string; text: string; dontKnow: string; dontKnowShare: string; notApplicable: string; notApplicableShare: string;
    alphaIfDeleted: string; breakdown: string; group: string; rank: string; priority: string; recommendation: string;
    targetOf: string; source: string; quote: string;
  };
  kinds: { level: string; section: string };
  breakdowns: { role: string; department: string; roles: Record<string, string>; suppressedNote: (k: number) => string; gapTitle: string; gapRow: string };
  actions: { title: string; target: string; owner: string; due: string; status: string; overdue: string; statuses: Record<'planned' | 'doing' | 'done' | 'dropped', string> };
  yes: string;
  no: string;
  priority: Record<'high' | 'medium' | 'low', string>;
  count: (label: string) => string;
}

const FA: XlsxStrings = {
  sheets: { summary: 'خلاصه', dimensions: 'ابعاد', levelsSections: 'سطح‌ها و بخش‌ها', items: 'پرسش‌ها', breakdowns: 'تفکیک گروه‌ها', recommendations: 'توصیه‌ها', actions: 'اقدام‌ها' },
  summary: {
    title: 'نتایج ارزیابی مشتری‌مداری',
    organization: 'سازمان',
    assessment: 'ارزیابی',
    generated: 'تاریخ تهیه',
    questionnaire: 'پرسش‌نامه',
    threshold: 'آستانه‌ی ناشناس‌ماندن (k)',
    submitted: 'پاسخ‌های ثبت‌شده',
    invited: 'دعوت‌شدگان',
    responseRate: 'نرخ پاسخ',
    inFigures: 'پاسخ‌های به‌کاررفته در ارقام',
    overall: 'امتیاز کل (۰ تا ۱۰۰)',
    overallLevel: 'سطح بلوغ کل',
    straightLining: 'پاسخ‌های یکنواخت (یک گزینه برای همه)',
    withheld: (k) =>
      `کمتر از ${fmtFa(k)} پاسخ در ارقام است؛ از این رو هیچ امتیاز، سطح، توزیع پاسخ یا تفکیک گروهی در این فایل نیامده است، زیرا با پاسخ‌های این‌قدر کم می‌توان پاسخ‌ها را به افراد نسبت داد. تنها شمار پاسخ‌ها و نرخ پاسخ آمده است.`,
    pending: (pending, more) =>
      `${fmtFa(pending)} پاسخ تازه هنوز در ارقام نیست${more === null ? '.' : `؛ ارقام پس از ${fmtFa(more)} پاسخ دیگر به‌روز می‌شوند.`}`,
    noChart: 'نمودارها در گزارش PDF و Word آمده‌اند؛ این فایل تنها ارقام را دارد.',
  },
  columns: {
    id: 'شناسه', name: 'نام', score: 'امتیاز', n: 'تعداد', sd: 'انحراف معیار', ciLow: 'حد پایین فاصله‌ی اطمینان ۹۵٪', ciHigh: 'حد بالای فاصله‌ی اطمینان ۹۵٪',
    level: 'سطح', levelName: 'نام سطح', alpha: 'آلفای کرونباخ', rwg: 'توافق درون‌گروهی rwg(j)', target: 'هدف', gap: 'فاصله تا هدف',
    kind: 'نوع', number: 'ردیف', section: 'بخش', dimension: 'بعد', reverse: 'معکوس', text: 'متن پرسش', dontKnow: 'نمی‌دانم',
    dontKnowShare: 'سهم نمی‌دانم', notApplicable: 'موضوعیت ندارد', notApplicableShare: 'سهم موضوعیت ندارد', alphaIfDeleted: 'آلفا در صورت حذف',
    breakdown: 'تفکیک', group: 'گروه', rank: 'اولویت', priority: 'فوریت', recommendation: 'توصیه', targetOf: 'برای', source: 'منبع', quote: 'نقل از منبع',
  },
  kinds: { level: 'سطح', section: 'بخش' },
  breakdowns: {
    role: 'نقش',
    department: 'واحد',
    roles: { manager: 'مدیر', staff: 'کارمند' },
    suppressedNote: (k) => `گروه‌هایی که کمتر از ${fmtFa(k)} پاسخ‌دهنده دارند، و گروه‌هایی که برای جلوگیری از کشف آن‌ها با تفریق پنهان شده‌اند، در این برگه نیامده‌اند.`,
    gapTitle: 'فاصله‌ی دید مدیران و کارمندان (مدیر منهای کارمند)',
    gapRow: 'فاصله‌ی دید',
  },
  actions: {
    title: 'اقدام', target: 'برای', owner: 'مسئول', due: 'موعد', status: 'وضعیت', overdue: 'گذشته از موعد',
    statuses: { planned: 'برنامه‌ریزی‌شده', doing: 'در حال انجام', done: 'انجام‌شده', dropped: 'کنار گذاشته‌شده' },
  },
  yes: 'بله',
  no: 'خیر',
  priority: { high: 'بالا', medium: 'متوسط', low: 'پایین' },
  count: (label) => `تعداد «${label}»`,
};

const EN: XlsxStrings = {
  sheets: { summary: 'Summary', dimensions: 'Dimensions', levelsSections: 'Levels and sections', items: 'Items', breakdowns: 'Breakdowns', recommendations: 'Recommendations', actions: 'Actions' },
  summary: {
    title: 'Customer-centricity assessment results',
    organization: 'Organization',
    assessment: 'Assessment',
    generated: 'Generated',
    questionnaire: 'Questionnaire',
    threshold: 'Anonymity threshold (k)',
    submitted: 'Submitted responses',
    invited: 'Invited',
    responseRate: 'Response rate',
    inFigures: 'Responses in the figures',
    overall: 'Overall score (0–100)',
    overallLevel: 'Overall maturity level',
    straightLining: 'Straight-lined responses (one option for everything)',
    withheld: (k) =>
      `Fewer than ${k} responses are in the figures, so this file holds no scores, levels, answer distributions or group breakdowns: with so few responses, answers could be traced to people. Only the counts and the response rate are given.`,
    pending: (pending, more) =>
      `${pending} new ${pending === 1 ? 'response is' : 'responses are'} not in the figures yet${more === null ? '.' : `; the figures update after ${more} more.`}`,
    noChart: 'Charts are in the PDF and Word reports; this file holds the figures.',
  },
  columns: {
    id: 'ID', name: 'Name', score: 'Score', n: 'n', sd: 'SD', ciLow: '95% CI low', ciHigh: '95% CI high', level: 'Level', levelName: 'Level name',
    alpha: "Cronbach's α", rwg: 'Agreement rwg(j)', target: 'Target', gap: 'Gap to target', kind: 'Kind', number: 'No.', section: 'Section',
    dimension: 'Dimension', reverse: 'Reversed', text: 'Item', dontKnow: "Don't know", dontKnowShare: "Don't know share", notApplicable: 'Not applicable',
    notApplicableShare: 'Not applicable share', alphaIfDeleted: 'α if deleted', breakdown: 'Breakdown', group: 'Group', rank: 'Rank', priority: 'Priority',
    recommendation: 'Recommendation', targetOf: 'For', source: 'Source', quote: 'Quote from the source',
  },
  kinds: { level: 'Level', section: 'Section' },
  breakdowns: {
    role: 'Role',
    department: 'Department',
    roles: { manager: 'Manager', staff: 'Staff' },
    suppressedNote: (k) => `Groups with fewer than ${k} respondents, and groups withheld so that they cannot be found by subtraction, are not listed on this sheet.`,
    gapTitle: 'Perception gap (managers minus staff)',
    gapRow: 'Perception gap',
  },
  actions: {
    title: 'Action', target: 'For', owner: 'Owner', due: 'Due', status: 'Status', overdue: 'Overdue',
    statuses: { planned: 'Planned', doing: 'Under way', done: 'Done', dropped: 'Dropped' },
  },
  yes: 'Yes',
  no: 'No',
  priority: { high: 'High', medium: 'Medium', low: 'Low' },
  count: (label) => `Count "${label}"`,
};

function fmtFa(n: number): string {
  return new Intl.NumberFormat('fa-IR').format(n);
}

export function xlsxStrings(lang: Lang): XlsxStrings {
  return lang === 'fa' ? FA : EN;
}
