/** The two languages every respondent page speaks; Persian is the default. */
export type Lang = 'fa' | 'en';

export function langOf(value: string | undefined | null): Lang {
  return value === 'en' ? 'en' : 'fa';
}

export function dirOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'fa' ? 'rtl' : 'ltr';
}

/** The locale whose digits we show: Persian digits (۰–۹) in fa. */
export function localeOf(lang: Lang): string {
  return lang === 'fa' ? 'fa-IR' : 'en-US';
}

export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(localeOf(lang)).format(n);
}

export function formatPercent(lang: Lang, fraction: number): string {
  return new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** A same-site link that keeps the chosen language; Persian, the default, needs no parameter. */
export function withLang(path: string, lang: Lang): string {
  return lang === 'fa' ? path : `${path}?lang=${lang}`;
}
