/**
 * Text typed by users (names, titles, departments, comments): the one place that decides what is stored.
 * Everything that accepts such text — the JSON API, the dashboard's forms, the respondent's form and the
 * paper import — goes through cleanUserText, so a name refused in one place is refused in all of them.
 */

// Spaces and the zero-width characters that carry no meaning at either end of a name (ZWNJ only joins
// letters inside a word, so at an edge it is left over from copying).
const EDGES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

/**
 * Normalizes user-typed text: Arabic yeh/kaf (ي ك ى) become Persian ی ک, so the same word typed on an
 * Arabic keyboard layout matches; ZWNJ (U+200C) inside a word is kept because it is part of Persian spelling.
 */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(/[\u064A\u0649]/g, '\u06CC').replace(/\u0643/g, '\u06A9').replace(EDGES, '');
}

/** Persian and Arabic-Indic digits become ASCII, so a number typed on a Persian keyboard reads as a number. */
export function asciiDigits(s: string): string {
  return s.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

// C0 and C1 controls and DEL are never meaningful in stored text, and PostgreSQL refuses NUL outright. A
// multi-line field (a comment) keeps its line breaks and tabs, which pasted text carries; a name is one line.
const CONTROL_ONE_LINE = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
// Embeddings, overrides and isolates reorder the text displayed after them: a name can be made to read as
// another name, or a department to spoof the one next to it in a list, a chart legend or a PDF table. A comment
// is shown as a paragraph of its own, where they reorder only itself, and pasted mixed Persian and English
// text often carries them, so comments keep them. The marks U+200E/U+200F/U+061C are kept everywhere: they
// only direct neutral characters.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// What is left when every space and every default-ignorable character (zero-width spaces and joiners,
// direction marks, fillers, variation selectors) is removed: a name must have at least one visible character.
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// U+FFFD is what a request body's bytes that are not UTF-8 (a lone surrogate sent as ED A0 80, a stray byte of
// another encoding) were decoded to: storing it would keep something other than what was sent.
const REPLACEMENT = /\uFFFD/;

export interface TextRule {
  max: number;
  /** A comment: line breaks, tabs and bidi embeddings allowed. */
  multiline?: boolean;
  /** Empty or blank text is accepted as '' (a comment removed) instead of refused. */
  allowEmpty?: boolean;
}

export type CleanText = { ok: true; text: string } | { ok: false; problem: string };

/** Checks user-typed text against the rules above and returns it normalized, or the reason it is refused. */
export function cleanUserText(raw: string, rule: TextRule): CleanText {
  // A lone surrogate cannot be encoded as UTF-8: it would be stored as U+FFFD (or invalid bytes) and come
  // back different from what was sent.
  if (LONE_SURROGATE.test(raw)) return { ok: false, problem: 'must be valid Unicode text (it contains a lone UTF-16 surrogate)' };
  if (REPLACEMENT.test(raw)) return { ok: false, problem: 'must be valid UTF-8 text (it contains U+FFFD, which stands for bytes that were not UTF-8)' };
  if ((rule.multiline ? CONTROL_MULTI_LINE : CONTROL_ONE_LINE).test(raw)) return { ok: false, problem: 'must not contain control characters' };
  if (!rule.multiline && LINE_BREAK.test(raw)) return { ok: false, problem: 'must be a single line' };
  if (!rule.multiline && BIDI_CONTROL.test(raw)) return { ok: false, problem: 'must not contain bidirectional override or isolate characters (U+202A–U+202E, U+2066–U+2069)' };
  const text = normalizeText(raw);
  if (text === '') return rule.allowEmpty ? { ok: true, text } : { ok: false, problem: 'must not be empty' };
  if (text.replace(INVISIBLE, '') === '') return { ok: false, problem: 'must contain a visible character, not only spaces or zero-width characters' };
  if (text.length > rule.max) return { ok: false, problem: `must be at most ${rule.max} characters` };
  return { ok: true, text };
}
