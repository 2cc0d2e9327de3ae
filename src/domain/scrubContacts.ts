// Comments are free text, and people sign them: "call me on 0912…", "ali.r@…". Contact details identify
// a respondent more surely than any group, so they are replaced before a comment is stored (anonymity.md,
// "Free text"). The placeholder is the same in every language and reads as a redaction in both.

export const REDACTED = '[•••]';

// Digits as typed on Latin, Persian (۰-۹) and Arabic-Indic (٠-٩) keyboards.
const D = '[0-9\u06F0-\u06F9\u0660-\u0669]';
// Separators people put inside phone numbers: spaces (also no-break and thin), dashes, parentheses, and
// the invisible marks that come along (ZWNJ typed with shift+space; LRM, RLM, ALM, embeddings and
// isolates copied from a right-to-left chat). Not slashes or dots: "1402/10/01" is a date and "3.5" a
// number, both common in comments.
const INVISIBLE = '\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF';
const S = `[\\s\u00A0\u2009\u202F\\-\u2010-\u2015()${INVISIBLE}]`;

// Inside a mobile number people also write dots and underscores (0912.345.6789, ۰۹۱۲_۳۴۵_۶۷۸۹); only there,
// because a mobile number has a shape no date or decimal has: 0 or +98/0098, then 9, then nine digits.
const SM = `[\\s\u00A0\u2009\u202F\\-\u2010-\u2015()._${INVISIBLE}]`;

const PATTERNS: RegExp[] = [
  // e-mail addresses, Latin or not (علی@مثال.ایران): what mail servers accept in practice.
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu,
  // URLs with any scheme (https, ftp, …) or a www. prefix, up to the next space.
  /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>«»"']+/gi,
  // Handles on Telegram, Instagram and the like (@ali_rezaei): an @ not inside a word, then 3 or more
  // letters, digits, underscores or inner dots. Before bare domains, so @shop.pars.ir goes whole.
  /(?<![\p{L}\p{N}_.@])@[A-Za-z0-9_][A-Za-z0-9_.]*[A-Za-z0-9_]/gu,
  // Bare domain names of the usual kinds (example.ir, shop.example.com, example.shop).
  /\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:ir|com|org|net|info|biz|co|me|io|app|dev|ai|shop|store|site|online|xyz|tech|blog|link)\b(?:\/[^\s<>«»"']*)?/gi,
  // Iranian mobile numbers with any of the separators above, dots and underscores included.
  new RegExp(`(?<!${D})(?:(?:\\+|00)${D}{2}${SM}{0,3}|[0\u06F0\u0660]${SM}{0,3})?[9\u06F9\u0669](?:${SM}{0,3}${D}){9}(?!${D})`, 'g'),
  // Phone numbers: +98 / 0098 / 0 and then 9-10 more digits, separators allowed between the digits;
  // also any other run of 8 or more digits with separators (landlines with a city code, extensions).
  new RegExp(`(?:\\+|00)?\\(?${D}(?:${S}{0,3}${D}){7,13}`, 'g'),
];

// A 10-digit national id (کد ملی) is a run of exactly 10 digits; the phone pattern above already covers
// it (8 or more digits), so it needs no pattern of its own. Kept as a named rule for the tests and docs.
export const NATIONAL_ID = new RegExp(`(?<!${D})${D}{10}(?!${D})`);

/** The comment with every e-mail address, URL, phone number and national id replaced by REDACTED. */
export function scrubContacts(text: string): string {
  let out = text;
  for (const p of PATTERNS) out = out.replace(p, REDACTED);
  // Redactions side by side (a number and its extension) read as one.
  return out.replace(/\[•••\](?:\s*\[•••\])+/g, REDACTED);
}
