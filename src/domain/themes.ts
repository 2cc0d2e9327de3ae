import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };
import { normalizeText } from '../text.js';

// Themes of free-text comments per section: the words and two-word phrases a section's comments use
// more than the rest of the assessment's comments do. Pure; small enough to explain to a consultant:
//  1. Text is normalized as everywhere (Arabic ي/ك → ی/ک), lower-cased, split into words (letters and
//     ZWNJ); a ZWNJ is then dropped for matching, so «پاسخ‌گویی» and «پاسخگویی» are one word. A few
//     fixed expressions count as one word (PHRASES: «پس از فروش», «راه حل» = «راه‌حل»).
//  2. Stop words are removed: stopwords-iso's Persian and English lists (normalized the same way) except
//     the few words of this survey's subject it lists (KEPT: «خدمات», «زمان», «مدت»), plus the survey's
//     own vocabulary that every comment shares (customer, organization, staff…) and words that only
//     leave fragments of idioms behind (DOMAIN_WORDS: «حد» of «بیش از حد», «لازم»…).
//  3. Verbs with the continuous prefix می‌/نمی‌ are left out; light stemming (stem below): Persian plural
//     and possessive suffixes, English plural -s.
//  4. A term's count is the number of comments in the section that use it (a comment repeating a word
//     counts once). Terms used by one comment only are no theme. Ranking: count × log of how much more
//     often the section's comments use it than the other sections' comments do (smoothed), so a word
//     every section uses sinks; ties by count, then alphabetically.
//  5. A two-word phrase that is as frequent as its words replaces them, and of two themes that share a
//     word and the very same comments («فرایند ثبت», «ثبت سفارش») only the higher-ranked is shown.
//  6. A theme is shown as most respondents wrote it, its last word without the ezafe or indefinite
//     ending («شعبه‌ی» → «شعبه», «پیشنهادهای» → «پیشنهادها»); its examples are two different comments.

const ZWNJ = '\u200C';

const DOMAIN_WORDS = [
  'مشتری', 'مشتریان', 'سازمان', 'شرکت', 'کارکنان', 'کارمند', 'کارمندان', 'مدیر', 'مدیران', 'واحد', 'خیلی', 'واقعا', 'واقعاً', 'باید', 'نیست', 'هست', 'است', 'شود', 'میشود', 'می‌شود', 'کنیم', 'کنند', 'داریم', 'دارند', 'نداریم', 'ندارند',
  // What is left of idioms and opinion markers once their stop words go: «بیش از حد طولانی» gave the theme
  // «حد طولانی», «چند امضا لازم دارد» gave «امضا لازم», «به نظر من» gave «نظر».
  'حد', 'لازم', 'نظر', 'نظرم', 'بنظرم',
  'customer', 'customers', 'organization', 'organisation', 'company', 'staff', 'employee', 'employees', 'manager', 'managers', 'really', 'very', 'also',
];

const matchForm = (w: string) => normalizeText(w).toLowerCase().split(ZWNJ).join('');

// Words stopwords-iso lists for Persian that name what this survey asks about: «خدمات» (services, as in
// «خدمات پس از فروش»), «زمان» and «مدت» (as in «زمان انتظار»). Without them the themes said «فروش» for
// after-sales service and «انتظار» for waiting time.
const KEPT = new Set(['خدمات', 'زمان', 'مدت'].map((w) => matchForm(w)));

export const STOP_WORDS: ReadonlySet<string> = new Set(
  [...(stopwordsIso as Record<string, string[]>).fa, ...(stopwordsIso as Record<string, string[]>).en]
    .map(matchForm)
    .filter((w) => !KEPT.has(w))
    .concat(DOMAIN_WORDS.map(matchForm)),
);

/**
 * Fixed expressions of two or three words counted as one word, whose parts alone are stop words or mean
 * something else: «پس از فروش» (after-sales, not «فروش», sales), «راه حل» (solution, also written «راه‌حل»).
 */
const PHRASES: ReadonlyArray<readonly string[]> = [['پس', 'از', 'فروش'], ['راه', 'حل'], ['after', 'sales'], ['follow', 'up']].map((p) => p.map(matchForm));

// Persian suffixes written after a ZWNJ (plural, possessive, comparative): the part after the last ZWNJ.
const DETACHED = new Set(['ها', 'های', 'هایی', 'هایم', 'هایت', 'هایش', 'هایمان', 'هایتان', 'هایشان', 'ام', 'ات', 'اش', 'مان', 'تان', 'شان', 'ای', 'ی', 'تر', 'ترین']);

/**
 * The stem a word is counted under. Persian: a suffix after a ZWNJ is dropped (کتاب‌ها → کتاب); written
 * attached, ها/های (3+ letters left), ان and ات (4+ letters left, so «ایران» and «زمان» stay) are dropped.
 * English: a final s (not ss, 4+ letters left) and a final 's are dropped. Light on purpose: a wrong merge
 * would put two ideas under one theme, a missed one only splits a theme's count.
 */
export function stem(word: string): string {
  let w = normalizeText(word).toLowerCase();
  if (/[a-z]/.test(w)) {
    w = w.replace(/'s$/, '');
    return w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
  }
  const parts = w.split(ZWNJ);
  if (parts.length > 1 && DETACHED.has(parts[parts.length - 1])) parts.pop();
  w = parts.join('');
  for (const [suffix, keep] of [['های', 3], ['ها', 3], ['ان', 4], ['ات', 4]] as const)
    if (w.endsWith(suffix) && w.length - suffix.length >= keep) return w.slice(0, -suffix.length);
  return w;
}

interface Token {
  key: string;
  surface: string;
  /** Positions of its first and last word among the comment's words, stop words included: a phrase is two
   * words side by side. */
  at: number;
  end: number;
}

/** The words of a comment that can be themes, in order: stems with the form they were written in. */
export function tokens(text: string): Token[] {
  const words = normalizeText(text).match(/[\p{L}\p{M}\u200C]+(?:'[a-z]+)?/gu) ?? [];
  const forms = words.map((w) => matchForm(w.replace(/^\u200C+|\u200C+$/g, '')));
  const out: Token[] = [];
  for (let at = 0; at < words.length; at++) {
    const fixed = PHRASES.find((p) => p.every((w, i) => forms[at + i] === w));
    if (fixed) {
      const end = at + fixed.length - 1;
      const surface = words.slice(at, end + 1).join(' ');
      out.push({ key: fixed.join(''), surface: /[a-z]/i.test(surface) ? surface.toLowerCase() : surface, at, end });
      at = end;
      continue;
    }
    const surface = words[at].replace(/^\u200C+|\u200C+$/g, '');
    // Verbs with the continuous prefix (می‌کند، نمی‌شود) say how, not what: never a theme.
    if (surface.length < 2 || STOP_WORDS.has(forms[at]) || /^ن?می\u200C/.test(surface)) continue;
    const key = matchForm(stem(surface));
    if (key.length < 2 || STOP_WORDS.has(key)) continue;
    out.push({ key, surface: /[a-z]/i.test(surface) ? surface.toLowerCase() : surface, at, end: at });
  }
  return out;
}

export interface Theme {
  term: string;
  count: number;
  examples: string[];
}

export interface SectionComments {
  section: string;
  comments: readonly string[];
}

/** Up to `max` themes per section, each with its count and two example comments (in the order given). */
export function themesBySection(sections: readonly SectionComments[], max = 8): Map<string, Theme[]> {
  const perSection = sections.map((s) => ({ section: s.section, comments: s.comments, terms: termsOf(s.comments) }));
  const total = new Map<string, number>();
  let allComments = 0;
  for (const s of perSection) {
    allComments += s.comments.length;
    for (const [key, t] of s.terms) total.set(key, (total.get(key) ?? 0) + t.docs.size);
  }
  const out = new Map<string, Theme[]>();
  for (const s of perSection) {
    const n = s.comments.length;
    const rest = allComments - n;
    const ranked = [...s.terms.entries()]
      .filter(([, t]) => t.docs.size >= 2)
      .map(([key, t]) => {
        const df = t.docs.size;
        const dfRest = (total.get(key) ?? 0) - df;
        const lift = (df + 0.5) / (n + 1) / ((dfRest + 0.5) / (rest + 1));
        return { key, t, df, score: df * Math.log2(1 + lift) };
      })
      .sort((a, b) => b.score - a.score || b.df - a.df || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    // A phrase as frequent as its words says more than either word alone.
    const phrases = ranked.filter((r) => r.key.includes(' '));
    const covered = new Set(phrases.flatMap((p) => p.key.split(' ').filter((w) => s.terms.get(w)?.docs.size === p.df)));
    // Two themes sharing a word and used by the very same comments are one idea said twice («فرایند ثبت»,
    // «ثبت سفارش» of «فرایند ثبت سفارش»): the higher-ranked one stays.
    const kept: typeof ranked = [];
    for (const r of ranked) {
      if (covered.has(r.key)) continue;
      const words = r.key.split(' ');
      if (kept.some((k) => k.df === r.df && k.key.split(' ').some((w) => words.includes(w)) && [...k.t.docs].every((d) => r.t.docs.has(d)))) continue;
      kept.push(r);
    }
    const themes = kept.slice(0, max).map((r) => ({ term: shownTerm(mostCommon(r.t.surfaces)), count: r.df, examples: twoExamples(r.t.docs, s.comments) }));
    out.set(s.section, themes);
  }
  return out;
}

interface TermStats {
  docs: Set<number>;
  surfaces: Map<string, number>;
}

function termsOf(comments: readonly string[]): Map<string, TermStats> {
  const terms = new Map<string, TermStats>();
  const add = (key: string, surface: string, doc: number) => {
    const t = terms.get(key) ?? { docs: new Set<number>(), surfaces: new Map<string, number>() };
    t.docs.add(doc);
    t.surfaces.set(surface, (t.surfaces.get(surface) ?? 0) + 1);
    terms.set(key, t);
  };
  comments.forEach((text, doc) => {
    const toks = tokens(text);
    toks.forEach((tok, i) => {
      add(tok.key, tok.surface, doc);
      const next = toks[i + 1];
      if (next && next.at === tok.end + 1 && next.key !== tok.key) add(`${tok.key} ${next.key}`, `${tok.surface} ${next.surface}`, doc);
    });
  });
  return terms;
}

function mostCommon(surfaces: Map<string, number>): string {
  return [...surfaces.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

/** Two different comments of the theme (the same comment written by two people is one example). */
function twoExamples(docs: Set<number>, comments: readonly string[]): string[] {
  const out: string[] = [];
  for (const i of docs) if (out.length < 2 && !out.includes(comments[i])) out.push(comments[i]);
  return out;
}

/**
 * A theme as a heading reads it: its last word without the ezafe or indefinite ending a sentence gave it
 * («شعبه‌ی» → «شعبه», «نتیجه‌ای» → «نتیجه», «پیشنهادهای» → «پیشنهادها»). An ezafe inside a phrase stays: it
 * joins the two words («سامانه‌ی اطلاعات»).
 */
function shownTerm(term: string): string {
  return term.replace(/\u200C(?:ی|ای)$/, '').replace(/(\S{2,})(\u200C?)های$/, '$1$2ها');
}
