import type { PresentedComments } from '../../domain/presentComments.js';
import type { Fmt } from './format.js';
import type { DirectedText } from './types.js';

// "What respondents said": per section, its themes and up to three comments. Built from
// presentComments, so the anonymity rules are already applied (nothing below k, released comments only,
// no response id, a role or department only where k or more share it).

export interface CommentsSection {
  kind: 'comments';
  title: string;
  intro: string;
  themesLabel: string;
  sections: Array<{
    heading: string;
    /** Drawn as chips, term and count apart, so a term of the other script never reorders its neighbours. */
    themes: Array<{ term: DirectedText; count: string }>;
    quotes: Array<{ text: DirectedText; who: string | null }>;
  }>;
}

const STRINGS = {
  fa: {
    title: 'آنچه پاسخ‌دهندگان گفتند',
    intro: (k: string) =>
      `نظرهایی که پاسخ‌دهندگان در هر بخش نوشتند، با موضوع‌های پرتکرار هر بخش و حداکثر سه نمونه. نویسنده‌ی هیچ نظری نشان داده نمی‌شود؛ نقش یا واحد تنها جایی آمده که دست‌کم ${k} نفر در آن باشند، و اطلاعات تماس پیش از ذخیره حذف شده است.`,
    heading: (title: string, n: string) => `${title} (${n} نظر)`,
    themes: 'موضوع‌های پرتکرار:',
    listSep: '، ',
    manager: 'مدیر',
    staff: 'کارمند',
  },
  en: {
    title: 'What respondents said',
    intro: (k: string) =>
      `The comments respondents wrote in each section, with each section's recurring themes and up to three examples. No comment names its author; a role or department appears only where at least ${k} people share it, and contact details were removed before storage.`,
    heading: (title: string, n: string) => `${title} (${n} ${n === '1' ? 'comment' : 'comments'})`,
    themes: 'Recurring themes:',
    listSep: ', ',
    manager: 'Manager',
    staff: 'Staff',
  },
};

export function commentsSection(c: PresentedComments, fmt: Fmt): CommentsSection | null {
  if (!c.snapshot.figuresShown || c.sections.length === 0) return null;
  const t = STRINGS[c.lang];
  // After a department of the other script, a mark of the page's direction keeps the separator in place.
  const mark = c.lang === 'fa' ? '\u200F' : '\u200E';
  return {
    kind: 'comments',
    title: t.title,
    intro: t.intro(fmt.count(c.snapshot.k)),
    themesLabel: t.themes,
    sections: c.sections.map((s) => ({
      heading: t.heading(s.title, fmt.count(s.n)),
      themes: s.themes.map((th) => ({ term: fmt.directed(th.term), count: fmt.count(th.count) })),
      // Three different comments: the same words from two people quoted twice would waste a quote.
      quotes: s.comments.filter((x, i) => s.comments.findIndex((y) => y.text === x.text) === i).slice(0, 3).map((x) => ({
        // No quote marks: the bar beside it marks the quotation, and marks of one script around text of
        // the other read wrongly in one of the two languages.
        text: fmt.directed(x.text),
        who: [x.role ? t[x.role] : null, x.department ? `\u2068${x.department}\u2069${mark}` : null].filter(Boolean).join(t.listSep) || null,
      })),
    })),
  };
}
