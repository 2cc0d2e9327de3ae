import type { Lang } from '../shared/i18n.js';

/** Every string a customer reads at /c, in both languages. Numbers arrive already formatted for the language. */
export interface CustomerMessages {
  otherLanguage: { lang: Lang; label: string };
  intro: (items: string, minutes: string) => string;
  anonymity: string;
  send: string;
  errorHeading: string;
  offScale: string;
  nothingAnswered: string;
  trapLabel: string;
  thanksTitle: string;
  thanks: string;
  alreadyTitle: string;
  already: string;
  closedTitle: string;
  closed: string;
  invalidTitle: string;
  invalid: string;
  usedTitle: string;
  used: string;
  forbiddenTitle: string;
  forbidden: string;
  errorTitle: string;
  error: string;
  tooManyTitle: string;
  tooMany: string;
  retryIn: (seconds: string) => string;
}

const fa: CustomerMessages = {
  otherLanguage: { lang: 'en', label: 'English' },
  intro: (items, minutes) => `${items} پرسش کوتاه؛ حدود ${minutes} دقیقه. هر پرسشی را که نمی‌دانید، «نمی‌دانم» بزنید یا رد شوید.`,
  anonymity: 'نام، تلفن یا نشانی شما پرسیده نمی‌شود. پاسخ‌ها فقط با هم و وقتی دست‌کم چند نفر پاسخ داده باشند دیده می‌شوند.',
  send: 'ارسال پاسخ‌ها',
  errorHeading: 'پاسخ‌ها فرستاده نشد',
  offScale: 'یکی از گزینه‌های همین پرسش را انتخاب کنید.',
  nothingAnswered: 'دست‌کم به یک پرسش پاسخ دهید.',
  trapLabel: 'این خانه را خالی بگذارید',
  thanksTitle: 'سپاس‌گزاریم!',
  thanks: 'پاسخ‌های شما رسید. نظر شما به این مجموعه کمک می‌کند بهتر شود.',
  alreadyTitle: 'پیش‌تر پاسخ داده‌اید',
  already: 'از این مرورگر قبلاً به این نظرسنجی پاسخ داده شده است. سپاس‌گزاریم!',
  closedTitle: 'نظرسنجی بسته شده است',
  closed: 'این نظرسنجی دیگر پاسخ نمی‌پذیرد. از توجه شما سپاس‌گزاریم.',
  invalidTitle: 'پیوند نامعتبر است',
  invalid: 'این پیوند نظرسنجی معتبر نیست. نشانی را دوباره بررسی کنید.',
  usedTitle: 'این پیوند استفاده شده است',
  used: 'این پیوند یک‌بار مصرف است و با آن پاسخ داده شده است.',
  forbiddenTitle: 'درخواست پذیرفته نشد',
  forbidden: 'این فرم باید از همین صفحه فرستاده شود.',
  errorTitle: 'خطایی رخ داد',
  error: 'مشکلی پیش آمد و پاسخ‌ها ثبت نشد. کمی بعد دوباره تلاش کنید.',
  tooManyTitle: 'درخواست‌ها بیش از حد است',
  tooMany: 'از این نشانی پاسخ‌های زیادی رسیده است.',
  retryIn: (s) => `لطفاً ${s} ثانیه‌ی دیگر دوباره تلاش کنید.`,
};

const en: CustomerMessages = {
  otherLanguage: { lang: 'fa', label: 'فارسی' },
  intro: (items, minutes) => `${items} short questions; about ${minutes} minutes. Choose "Don't know" or skip any you cannot answer.`,
  anonymity: 'We do not ask your name, phone or address. Answers are only ever seen together, once at least several people have answered.',
  send: 'Send my answers',
  errorHeading: 'Your answers were not sent',
  offScale: "Choose one of this question's options.",
  nothingAnswered: 'Answer at least one question.',
  trapLabel: 'Leave this box empty',
  thanksTitle: 'Thank you!',
  thanks: 'Your answers arrived. What you think helps this business do better.',
  alreadyTitle: 'You have already answered',
  already: 'This survey was already answered from this browser. Thank you!',
  closedTitle: 'The survey is closed',
  closed: 'This survey no longer takes answers. Thank you for your interest.',
  invalidTitle: 'This link is not valid',
  invalid: 'This survey link is not valid. Please check the address.',
  usedTitle: 'This link has been used',
  used: 'This is a single-use link, and it has already been used to answer.',
  forbiddenTitle: 'Request refused',
  forbidden: 'This form must be sent from its own page.',
  errorTitle: 'Something went wrong',
  error: 'Something went wrong and your answers were not saved. Please try again a little later.',
  tooManyTitle: 'Too many requests',
  tooMany: 'Too many answers have come from this address.',
  retryIn: (s) => `Please try again in ${s} seconds.`,
};

export const CUSTOMER_MESSAGES: Record<Lang, CustomerMessages> = { fa, en };
