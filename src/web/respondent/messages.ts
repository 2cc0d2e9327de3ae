import type { Lang } from '../shared/i18n.js';

/** Every string a respondent reads, in both languages. Numbers arrive already formatted for the language. */
export interface Messages {
  otherLanguage: { lang: Lang; label: string };
  purposeHeading: string;
  effort: (items: string, sections: string, minutes: string) => string;
  anonymity: (n: string) => string;
  answeredSoFar: (a: string, t: string) => string;
  start: string;
  resume: string;
  sectionOf: (n: string, total: string) => string;
  answeredPct: (pct: string) => string;
  answeredLabel: string;
  commentLabel: string;
  commentHint: string;
  back: string;
  next: string;
  submit: string;
  reviewHeading: string;
  review: (a: string, t: string) => string;
  reviewNote: string;
  unansweredIn: string;
  unansweredCount: (k: string) => string;
  saving: string;
  saved: string;
  saveFailed: string;
  errorHeading: string;
  unknownItem: (id: string) => string;
  offScale: string;
  commentInvalid: string;
  nothingAnswered: string;
  thanksTitle: string;
  thanks: string;
  alreadyTitle: string;
  already: string;
  closeHint: string;
  closedTitle: string;
  closed: string;
  invalidTitle: string;
  invalid: string;
  noPageTitle: string;
  noPage: string;
  backToStart: string;
  forbiddenTitle: string;
  forbidden: string;
  errorTitle: string;
  error: string;
  tooManyTitle: string;
  tooMany: string;
  retryIn: (seconds: string) => string;
  confirmTitle: string;
  confirmBody: (answered: string, total: string, pct: string) => string;
  confirmWhy: string;
  confirmSubmit: string;
  confirmBack: string;
}

const fa: Messages = {
  otherLanguage: { lang: 'en', label: 'English' },
  purposeHeading: 'این پرسش‌نامه برای چیست؟',
  effort: (items, sections, m) => `${items} پرسش در ${sections} بخش؛ پاسخ دادن حدود ${m} دقیقه طول می‌کشد.`,
  anonymity: (n) => `پاسخ‌های شما بی‌نام ثبت می‌شود. نتایج فقط برای گروه‌هایی با دست‌کم ${n} نفر نشان داده می‌شود.`,
  answeredSoFar: (a, t) => `تا کنون به ${a} پرسش از ${t} پرسش پاسخ داده‌اید.`,
  start: 'شروع',
  resume: 'ادامه از جایی که ماندید',
  sectionOf: (n, total) => `بخش ${n} از ${total}`,
  answeredPct: (pct) => `${pct} پاسخ داده شده`,
  answeredLabel: 'درصد پرسش‌های پاسخ‌داده‌شده',
  commentLabel: 'نظر شما درباره‌ی این بخش (اختیاری)',
  commentHint: 'نام کسی را ننویسید؛ نظرها هم بی‌نام نگه داشته می‌شوند.',
  back: 'قبلی',
  next: 'بعدی',
  submit: 'ارسال پاسخ‌ها',
  reviewHeading: 'پیش از ارسال',
  review: (a, t) => `به ${a} پرسش از ${t} پرسش پاسخ داده‌اید.`,
  reviewNote: 'پرسش‌های بی‌پاسخ در نتایج شمرده نمی‌شوند. پس از ارسال، پاسخ‌ها دیگر تغییر نمی‌کنند.',
  unansweredIn: 'بخش‌هایی که پرسش بی‌پاسخ دارند:',
  unansweredCount: (k) => `${k} پرسش بی‌پاسخ`,
  saving: 'در حال ذخیره…',
  saved: 'ذخیره شد',
  saveFailed: 'ذخیره نشد؛ با زدن دکمه‌ی پایین صفحه دوباره ذخیره می‌شود.',
  errorHeading: 'پاسخ‌ها ذخیره نشد',
  unknownItem: (id) => `پرسشی با شناسه‌ی «${id}» در این پرسش‌نامه نیست.`,
  offScale: 'این پاسخ جزو گزینه‌ها نیست؛ لطفاً یکی از گزینه‌ها را انتخاب کنید.',
  commentInvalid: 'نظر حداکثر می‌تواند ۲۰۰۰ نویسه باشد.',
  nothingAnswered: 'پیش از ارسال، دست‌کم به یک پرسش پاسخ دهید.',
  thanksTitle: 'سپاس از شما',
  thanks: 'پاسخ‌های شما ثبت شد. از وقتی که گذاشتید سپاسگزاریم.',
  alreadyTitle: 'پاسخ‌ها پیش‌تر ثبت شده است',
  already: 'پاسخ‌های این پیوند پیش‌تر ارسال شده و دیگر تغییر نمی‌کند. سپاس از شما.',
  closeHint: 'اکنون می‌توانید این صفحه را ببندید.',
  closedTitle: 'این ارزیابی بسته شده است',
  closed: 'زمان پاسخ‌گویی به این پرسش‌نامه به پایان رسیده و پاسخ تازه‌ای پذیرفته نمی‌شود.',
  invalidTitle: 'این پیوند معتبر نیست',
  invalid: 'شاید پیوند کامل کپی نشده باشد. پیوند کامل را از کسی که آن را برایتان فرستاده است بخواهید.',
  noPageTitle: 'این صفحه پیدا نشد',
  noPage: 'این بخش در پرسش‌نامه نیست.',
  backToStart: 'بازگشت به آغاز پرسش‌نامه',
  forbiddenTitle: 'درخواست پذیرفته نشد',
  forbidden: 'این فرم فقط از صفحه‌های خود پرسش‌نامه فرستاده می‌شود.',
  errorTitle: 'خطایی پیش آمد',
  error: 'لطفاً چند لحظه بعد دوباره تلاش کنید. پاسخ‌هایی که پیش‌تر ذخیره شده‌اند از بین نمی‌روند.',
  tooManyTitle: 'لطفاً کمی صبر کنید',
  tooMany: 'در دقیقه‌ی گذشته درخواست‌های زیادی از این پیوند یا این نشانی رسیده است. پاسخ‌هایی که پیش‌تر ذخیره شده‌اند از بین نمی‌روند.',
  retryIn: (s) => `لطفاً ${s} ثانیه‌ی دیگر دوباره تلاش کنید.`,
  confirmTitle: 'پیش از ارسال: هنوز به بسیاری از پرسش‌ها پاسخ نداده‌اید',
  confirmBody: (a, t, pct) => `به ${a} پرسش از ${t} پرسش (${pct}) پاسخ داده‌اید؛ کمتر از دوسوم.`,
  confirmWhy: 'در هر بخش، پاسخ‌های کسی که به کمتر از دوسوم پرسش‌های آن بخش پاسخ داده در امتیاز آن بخش شمرده نمی‌شود. پس از ارسال، پاسخ‌ها دیگر تغییر نمی‌کنند.',
  confirmSubmit: 'با همین پاسخ‌ها ارسال شود',
  confirmBack: 'بازگشت و پاسخ به پرسش‌های بیشتر',
};

const en: Messages = {
  otherLanguage: { lang: 'fa', label: 'فارسی' },
  purposeHeading: 'What is this for?',
  effort: (items, sections, m) => `${items} questions in ${sections} sections; answering takes about ${m} minutes.`,
  anonymity: (n) => `Your answers are anonymous. Results are shown only for groups of at least ${n} people.`,
  answeredSoFar: (a, t) => `You have answered ${a} of ${t} questions so far.`,
  start: 'Start',
  resume: 'Continue where you left off',
  sectionOf: (n, total) => `Section ${n} of ${total}`,
  answeredPct: (pct) => `${pct} answered`,
  answeredLabel: 'Share of questions answered',
  commentLabel: 'Your comments on this section (optional)',
  commentHint: 'Please do not name anyone; comments are kept anonymous too.',
  back: 'Back',
  next: 'Next',
  submit: 'Submit answers',
  reviewHeading: 'Before you submit',
  review: (a, t) => `You have answered ${a} of ${t} questions.`,
  reviewNote: 'Unanswered questions are left out of the results. Once submitted, your answers can no longer change.',
  unansweredIn: 'Sections with unanswered questions:',
  unansweredCount: (k) => `${k} unanswered`,
  saving: 'Saving…',
  saved: 'Saved',
  saveFailed: 'Not saved; it will be saved when you press the button at the bottom of the page.',
  errorHeading: 'Your answers were not saved',
  unknownItem: (id) => `There is no question "${id}" in this questionnaire.`,
  offScale: 'This answer is not one of the options; please choose one of them.',
  commentInvalid: 'A comment can be at most 2000 characters long.',
  nothingAnswered: 'Please answer at least one question before submitting.',
  thanksTitle: 'Thank you',
  thanks: 'Your answers have been submitted. Thank you for your time.',
  alreadyTitle: 'Already submitted',
  already: 'The answers for this link were already submitted and can no longer change. Thank you.',
  closeHint: 'You can close this page now.',
  closedTitle: 'This assessment is closed',
  closed: 'The time for answering this questionnaire has ended; no more answers are accepted.',
  invalidTitle: 'This link is not valid',
  invalid: 'It may not have been copied completely. Ask the person who sent it to you for the full link.',
  noPageTitle: 'Page not found',
  noPage: 'The questionnaire has no such section.',
  backToStart: 'Back to the start of the questionnaire',
  forbiddenTitle: 'Request refused',
  forbidden: "This form can only be sent from the questionnaire's own pages.",
  errorTitle: 'Something went wrong',
  error: 'Please try again in a moment. Answers saved earlier are not lost.',
  tooManyTitle: 'Please wait a moment',
  tooMany: 'Too many requests came from this link or this address in the last minute. Answers saved earlier are not lost.',
  retryIn: (s) => `Please try again in ${s} seconds.`,
  confirmTitle: 'Before you submit: many questions are still unanswered',
  confirmBody: (a, t, pct) => `You have answered ${a} of ${t} questions (${pct}), fewer than two-thirds.`,
  confirmWhy: 'In each section, the answers of someone who answered fewer than two-thirds of its questions do not count towards that section’s score. Once submitted, your answers can no longer change.',
  confirmSubmit: 'Submit with these answers',
  confirmBack: 'Go back and answer more questions',
};

export const MESSAGES: Readonly<Record<Lang, Messages>> = { fa, en };
