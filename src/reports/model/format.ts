import { displayedScore } from '../../domain/maturity.js';
import { formatDate, formatNumber, formatPercent, type ReportLang } from '../text/format.js';
import type { DirectedText, TextDirection } from './types.js';

// Dates are shown in the organization's own time zone: a report generated at 23:00 UTC is already the next
// day in Tehran.
export const REPORT_TIME_ZONE = 'Asia/Tehran';

const DASH = '—';
const RTL_FIRST = /^[^\p{L}]*[\p{Script=Arabic}\p{Script=Hebrew}]/u;

const signed = new Map<ReportLang, Intl.NumberFormat>();

/** The figures of one report, formatted the same way everywhere. */
export interface Fmt {
  lang: ReportLang;
  /** A 0–100 score with one decimal: "۵۸٫۳" / "58.3"; "—" when missing. */
  score(n: number | null): string;
  /** α, rwg(j): two decimals. */
  coefficient(n: number | null): string;
  count(n: number): string;
  percent(ratio: number | null): string;
  /** "+۸٫۲" / "−3.1", with the sign on the left in both languages. */
  signed(n: number | null): string;
  /** "۵۲٫۱ تا ۶۴٫۵" / "52.1–64.5", clamped to the 0–100 scale. */
  range(ci: [number, number] | null): string;
  date(d: Date): string;
  /** A string from user data or seeds, tagged with its own direction. */
  directed(text: string): DirectedText;
  dir: TextDirection;
}

export function createFmt(lang: ReportLang): Fmt {
  const dir: TextDirection = lang === 'fa' ? 'rtl' : 'ltr';
  // The value the level is read from (domain/maturity.ts), so a score and its level never disagree.
  const score = (n: number | null) =>
    n === null ? DASH : formatNumber(displayedScore(n), lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    lang,
    dir,
    score,
    coefficient: (n) => (n === null ? DASH : formatNumber(n, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })),
    count: (n) => formatNumber(n, lang, { maximumFractionDigits: 0 }),
    percent: (r) => (r === null ? DASH : formatPercent(r, lang, { maximumFractionDigits: 0 })),
    signed: (n) => (n === null ? DASH : signedFormat(lang).format(roundTo1(n))),
    range: (ci) => {
      if (ci === null) return DASH;
      const [lo, hi] = clampCi(ci);
      return lang === 'fa' ? `${score(lo)} تا ${score(hi)}` : `${score(lo)}–${score(hi)}`;
    },
    date: (d) => formatDate(d, lang, { timeZone: REPORT_TIME_ZONE }),
    directed: (text) => ({ text, dir: RTL_FIRST.test(text) ? 'rtl' : 'ltr' }),
  };
}

/** Scores cannot leave 0–100, so neither does what the report shows of an interval. */
export function clampCi([lo, hi]: [number, number]): [number, number] {
  return [Math.max(0, lo), Math.min(100, hi)];
}

function roundTo1(n: number): number {
  const r = Math.round(n * 10) / 10;
  return r === 0 ? 0 : r; // no "−0.0"
}

function signedFormat(lang: ReportLang): Intl.NumberFormat {
  let f = signed.get(lang);
  if (!f) {
    // fa-IR puts U+200E before the sign, which keeps it on the left of the digits inside Persian text.
    f = new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', {
      signDisplay: 'exceptZero',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    signed.set(lang, f);
  }
  return f;
}
