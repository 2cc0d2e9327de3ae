import type { FieldError } from '../domain/errors.js';

/** Most addresses one request may invite. */
export const MAX_EMAILS_PER_REQUEST = 2000;

// Deliberately plain: one @, a dot in the domain, no spaces, quotes, angle brackets or line breaks, so an
// address can never carry a second header or recipient into the message.
// The last label is a real top-level domain's shape: letters (or an IDN's xn--), at least two.
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

export type AddressList = { ok: true; emails: string[]; duplicates: number } | { ok: false; errors: FieldError[] };

/**
 * The addresses as typed, trimmed and lower-cased, each once, in the order given; every bad one named as
 * `emails.<index>` (the index as sent) so a form or client can point at it.
 */
export function parseAddresses(raw: string[], path = 'emails'): AddressList {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  raw.forEach((value, i) => {
    const email = value.trim().toLowerCase();
    if (email.length > 254 || !ADDRESS.test(email) || email.split('@')[0].length > 64) {
      errors.push({ path: `${path}.${i}`, message: `is not an email address` });
      return;
    }
    if (seen.has(email)) duplicates++;
    seen.add(email);
  });
  if (!raw.length) errors.push({ path, message: 'needs at least one address' });
  if (raw.length > MAX_EMAILS_PER_REQUEST) errors.push({ path, message: `at most ${MAX_EMAILS_PER_REQUEST} addresses per request` });
  return errors.length ? { ok: false, errors } : { ok: true, emails: [...seen], duplicates };
}

/**
 * Addresses as pasted into the dashboard: one per line, or several on a line separated by commas,
 * semicolons or spaces; each with its line number (from 1), so a bad one can be pointed at.
 */
export function splitAddressLines(text: string): Array<{ line: number; value: string }> {
  return text.split(/\r\n|\r|\n/).flatMap((row, i) =>
    row
      .split(/[\s,;،؛]+/)
      .filter(Boolean)
      .map((value) => ({ line: i + 1, value })),
  );
}
