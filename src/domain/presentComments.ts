import type { Lang } from '../questionnaire/localize.js';
import type { Questionnaire } from '../questionnaire/schema.js';
import { exportOrder, type Snapshot } from './anonymity.js';
import { scrubContacts } from './scrubContacts.js';
import { type Theme, themesBySection } from './themes.js';

export interface CommentRow {
  id: string;
  section: string;
  text: string;
  /** The label its release may show (null = not shown). */
  role: 'manager' | 'staff' | null;
  department: string | null;
}

export interface PresentedComments {
  assessmentId: string;
  lang: Lang;
  snapshot: Snapshot;
  sections: Array<{
    section: string;
    title: string;
    n: number;
    comments: Array<{ text: string; role?: 'manager' | 'staff'; department?: string }>;
    themes: Theme[];
  }>;
}

/**
 * The comments as readers see them (anonymity.md, "Free text"): only where k or more responses are in
 * the figures, only released ones, in an order taken from a hash of their random ids (so it says nothing
 * of when they came), never with a response id, with a role or department only where the comment's
 * release label shows it (k or more share it). Contact details are replaced again on the way out, for
 * comments stored before the rule existed. Sections in questionnaire order; empty sections left out.
 */
export function presentComments(assessmentId: string, q: Questionnaire, rows: readonly CommentRow[], snapshot: Snapshot, lang: Lang): PresentedComments {
  if (!snapshot.figuresShown) return { assessmentId, lang, snapshot, sections: [] };
  const ordered = exportOrder(assessmentId, rows.map((row) => ({ row }))).map(({ row }) => ({ ...row, text: scrubContacts(row.text) }));
  const bySection = q.sections
    .map((s) => ({ section: s.id, title: s.title[lang], rows: ordered.filter((r) => r.section === s.id) }))
    .filter((s) => s.rows.length > 0);
  const themes = themesBySection(bySection.map((s) => ({ section: s.section, comments: s.rows.map((r) => r.text) })));
  return {
    assessmentId,
    lang,
    snapshot,
    sections: bySection.map((s) => ({
      section: s.section,
      title: s.title,
      n: s.rows.length,
      comments: s.rows.map((r) => ({ text: r.text, ...(r.role && { role: r.role }), ...(r.department && { department: r.department }) })),
      themes: themes.get(s.section) ?? [],
    })),
  };
}
