// Locale-aware numbers and dates for report text. fa output uses Persian digits (۰–۹), the Arabic
// decimal separator (٫) and percent sign (٪); drawParagraph orders them correctly inside RTL text.
// Intl.NumberFormat('fa-IR') puts U+200E before negative numbers; drawParagraph drops such marks
// before shaping.

export type ReportLang = 'fa' | 'en';

export interface NumberOptions {
  maximumFractionDigits?: number;
  minimumFractionDigits?: number;
}

export interface DateOptions {
  /** IANA zone the date is shown in; the host's zone when omitted. */
  timeZone?: string;
}

const NUMBER_LOCALE: Readonly<Record<ReportLang, string>> = { fa: 'fa-IR', en: 'en-US' };
const DATE_LOCALE: Readonly<Record<ReportLang, string>> = { fa: 'fa-IR-u-ca-persian', en: 'en-GB' };

// Constructing Intl formatters is far slower than using them, and a report formats thousands of values.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f as T;
}

export function formatNumber(n: number, lang: ReportLang, opts: NumberOptions = {}): string {
  const { maximumFractionDigits = 2, minimumFractionDigits = 0 } = opts;
  const key = `n|${lang}|${minimumFractionDigits}|${maximumFractionDigits}`;
  return cached(key, () =>
    new Intl.NumberFormat(NUMBER_LOCALE[lang], { minimumFractionDigits, maximumFractionDigits }),
  ).format(n);
}

/** `ratio` is a fraction: 0.725 → "۷۲٫۵٪" (fa) or "72.5%" (en). */
export function formatPercent(ratio: number, lang: ReportLang, opts: NumberOptions = {}): string {
  const { maximumFractionDigits = 1, minimumFractionDigits = 0 } = opts;
  const key = `p|${lang}|${minimumFractionDigits}|${maximumFractionDigits}`;
  return cached(key, () =>
    new Intl.NumberFormat(NUMBER_LOCALE[lang], { style: 'percent', minimumFractionDigits, maximumFractionDigits }),
  ).format(ratio);
}

/** Long date: "۱ فروردین ۱۴۰۴" (Solar Hijri calendar) or "21 March 2025". */
export function formatDate(date: Date, lang: ReportLang, opts: DateOptions = {}): string {
  const key = `d|${lang}|${opts.timeZone ?? ''}`;
  return cached(key, () =>
    new Intl.DateTimeFormat(DATE_LOCALE[lang], { dateStyle: 'long', timeZone: opts.timeZone }),
  ).format(date);
}
