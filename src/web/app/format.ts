import { displayedScore } from '../../domain/maturity.js';
import { localeOf, type Lang } from '../shared/i18n.js';

// Figures are computed unrounded; they are rounded here, for display only, the same way the PDF report does:
// scores with one decimal, coefficients with two, Persian digits in fa, dates in the organization's zone.

const DASH = '—';
export const TIME_ZONE = 'Asia/Tehran';

export interface Fmt {
  lang: Lang;
  /** 1 234 / ۱٬۲۳۴ */
  count(n: number): string;
  /** A 0–100 score with one decimal: "۵۸٫۳" / "58.3"; "—" when missing. */
  score(n: number | null | undefined): string;
  /** α, rwg(j), Cohen's d: two decimals. */
  coef(n: number | null | undefined): string;
  percent(ratio: number | null | undefined): string;
  /** "+۸٫۲" / "−3.1" (one decimal, sign shown except for zero). */
  signed(n: number | null | undefined): string;
  /** "۵۲٫۱ تا ۶۴٫۵" / "52.1–64.5", clamped to 0–100 for scores. */
  range(ci: [number, number] | null | undefined, clamp?: boolean): string;
  /** Signed interval, for the CI of a change. */
  signedRange(ci: [number, number] | null | undefined): string;
  /** "p = ۰٫۰۳" / "p < 0.001". */
  p(p: number | null | undefined): string;
  date(iso: string | null | undefined): string;
}

const cache = new Map<Lang, Fmt>();

export function fmtFor(lang: Lang): Fmt {
  const known = cache.get(lang);
  if (known) return known;
  const locale = localeOf(lang);
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const two = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const three = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  // fa-IR puts U+200E before the sign, which keeps it on the left of the digits inside Persian text.
  const sign = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: TIME_ZONE });
  const missing = (n: number | null | undefined): n is null | undefined => n === null || n === undefined || Number.isNaN(n);
  // The value the level is read from (domain/maturity.ts), so a score and its level never disagree.
  const score = (n: number | null | undefined) => (missing(n) ? DASH : one.format(displayedScore(n)));
  const between = (a: string, b: string) => (lang === 'fa' ? `${a} تا ${b}` : `${a} to ${b}`);
  const f: Fmt = {
    lang,
    count: (n) => whole.format(n),
    score,
    coef: (n) => (missing(n) ? DASH : two.format(n)),
    percent: (r) => (missing(r) ? DASH : pct.format(r)),
    signed: (n) => (missing(n) ? DASH : sign.format(roundTo1(n))),
    range: (ci, clamp = true) => {
      if (!ci) return DASH;
      const [lo, hi] = clamp ? [Math.max(0, ci[0]), Math.min(100, ci[1])] : ci;
      return between(score(lo), score(hi));
    },
    signedRange: (ci) => (ci ? between(sign.format(roundTo1(ci[0])), sign.format(roundTo1(ci[1]))) : DASH),
    p: (p) => (missing(p) ? DASH : p < 0.001 ? `p < ${three.format(0.001)}` : `p = ${p < 0.01 ? three.format(p) : two.format(p)}`),
    date: (iso) => (iso ? day.format(new Date(iso)) : DASH),
  };
  cache.set(lang, f);
  return f;
}

function roundTo1(n: number): number {
  const r = Math.round(n * 10) / 10;
  return r === 0 ? 0 : r; // no "−0.0"
}

/**
 * User text inside a sentence of the other direction (a Persian title in an English line, or the reverse) is
 * wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the plain-text form of <bdi>, so it cannot reorder
 * the words around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Persian and Arabic-Indic digits typed into a form become ASCII before parsing. */
export function asciiDigits(s: string): string {
  return s.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/** A same-site link with its query; the language is added only when it is not the default (fa). */
export function href(path: string, lang: Lang, params: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  if (lang === 'en') q.set('lang', 'en');
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
