import { Pacer } from './paperImport.js';

// JSON.parse of a 20 MB import holds the event loop for about a third of a second in one piece. A body of
// the usual outline, `{"responses": [row, row, …]}`, is instead cut into its rows here and each row parsed
// on its own, giving the loop back between them. Anything else — other keys, odd spacing inside the outline,
// invalid JSON — answers 'other', and the caller parses the whole body the ordinary way, so this never
// decides what is valid JSON: each row still goes through JSON.parse.

const OPENING = /^[ \t\n\r]*\{[ \t\n\r]*"responses"[ \t\n\r]*:[ \t\n\r]*\[/;
const CLOSING = /^[ \t\n\r]*\}[ \t\n\r]*$/;

/**
 * Calls `visit` with each parsed row in order until it returns false ('stopped'); 'done' when every row was
 * visited and the body is exactly that outline, 'other' when it is not (rows may have been visited by then).
 */
export async function forEachJsonRow(text: string, visit: (row: unknown, index: number) => boolean): Promise<'done' | 'stopped' | 'other'> {
  const opening = OPENING.exec(text);
  if (!opening) return 'other';
  const pacer = new Pacer();
  let pos = skipSpace(text, opening[0].length);
  if (text[pos] === ']') return CLOSING.test(text.slice(pos + 1)) ? 'done' : 'other';
  for (let index = 0; ; index++) {
    const end = valueEnd(text, pos);
    if (end < 0) return 'other';
    let row: unknown;
    try {
      row = JSON.parse(text.slice(pos, end));
    } catch {
      return 'other';
    }
    if (!visit(row, index)) return 'stopped';
    pos = skipSpace(text, end);
    if (text[pos] === ']') return CLOSING.test(text.slice(pos + 1)) ? 'done' : 'other';
    if (text[pos] !== ',') return 'other';
    pos = skipSpace(text, pos + 1);
    await pacer.maybeYield();
  }
}

function skipSpace(text: string, pos: number): number {
  while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos++;
  return pos;
}

/** Where the JSON value starting at `start` ends (exclusive), by brackets and strings alone; -1 if it does not. */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      i = stringEnd(text, i);
      if (i < 0) return -1;
      if (depth === 0) return i + 1;
    } else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      if (depth === 0) return i;
      if (--depth === 0) return i + 1;
    } else if (depth === 0 && (ch === ',' || ' \t\n\r'.includes(ch))) return i;
  }
  return depth === 0 ? text.length : -1;
}

/** The index of the quote closing the string opened at `open`, skipping escaped quotes; -1 if none. */
function stringEnd(text: string, open: number): number {
  for (let from = open + 1; ; ) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (text[quote - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}
