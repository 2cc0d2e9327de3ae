import { userText } from '../../http/router.js';
import { checkAnswers, checkComments, NA, type AnswerMap } from '../../domain/answerMaps.js';
import type { Questionnaire } from '../../questionnaire/schema.js';
import type { Messages } from './messages.js';

/**
 * Where a section form goes after saving: on, back, submit, the same page in the other language, section n,
 * or 'enter' (the Enter key: on, or submit on the last page).
 */
export type Go = 'next' | 'back' | 'submit' | 'lang' | 'enter' | `s${number}`;

/** A problem with one posted field; `itemId` ties it to a question on the page when there is one. */
export interface FormError {
  itemId?: string;
  field: string;
  message: string;
}

export interface SectionPost {
  go: Go;
  /** Well-formed answers (null = "don't know", "na" = not applicable); only these are shown again after an error. */
  answers: AnswerMap;
  /** The comment as typed, for showing it again; undefined when the form had no comment field. */
  comment: string | undefined;
  errors: FormError[];
}

const commentSchema = userText(2000, { multiline: true, allowEmpty: true });
type Body = Record<string, string | File | (string | File)[]>;

/**
 * Reads a section form (`a.<itemId>` = scale value, "dk" or "na", `comment`, `go`) and checks it exactly as
 * the JSON API does: checkAnswers for items and values, checkComments and the API's text rule for the comment.
 */
export function readSectionPost(q: Questionnaire, sectionId: string, body: Body, t: Messages): SectionPost {
  // Null prototype: a field named `a.__proto__` must stay a key (and be refused as an unknown item), not be
  // swallowed by the prototype setter of a plain object.
  const raw: Record<string, unknown> = Object.create(null);
  for (const [name, value] of Object.entries(body))
    if (name.startsWith('a.')) raw[name.slice(2)] = typeof value === 'string' ? parseValue(value) : value;

  const known = new Set(q.items.map((i) => i.id));
  const errors: FormError[] = checkAnswers(q, raw, 'a').map((e) => {
    const itemId = e.path.slice(2);
    return known.has(itemId) ? { itemId, field: e.path, message: t.offScale } : { field: e.path, message: t.unknownItem(itemId) };
  });
  const bad = new Set(errors.map((e) => e.itemId));
  const answers: AnswerMap = {};
  for (const [id, v] of Object.entries(raw)) if (known.has(id) && !bad.has(id)) answers[id] = v as AnswerMap[string];

  const rawComment = body.comment;
  let comment: string | undefined;
  if (typeof rawComment === 'string') {
    comment = rawComment;
    const ok = commentSchema.safeParse(rawComment).success;
    if (!ok || checkComments(q, { [sectionId]: rawComment }, 'comment').length) errors.push({ field: 'comment', message: t.commentInvalid });
  } else if (rawComment !== undefined) errors.push({ field: 'comment', message: t.commentInvalid });

  return { go: goOf(body.go), answers, comment, errors };
}

/** The comment to store: the API's normalized text, or '' (nothing visible) to remove it. */
export function storedComment(comment: string): string {
  return commentSchema.parse(comment);
}

function parseValue(v: string): unknown {
  if (v === 'dk') return null;
  if (v === NA) return NA;
  return /^-?\d{1,3}$/.test(v) ? Number(v) : v;
}

function goOf(v: Body[string] | undefined): Go {
  if (v === 'back' || v === 'submit' || v === 'lang' || v === 'enter') return v;
  if (typeof v === 'string' && /^s[1-9]\d{0,2}$/.test(v)) return v as Go;
  return 'next';
}
