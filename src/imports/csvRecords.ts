/**
 * The records of a CSV text, one at a time, so the caller can give the event loop back between them.
 * RFC 4180 as spreadsheets write it: CRLF or LF; a quoted cell may hold the delimiter, line breaks and doubled
 * quotes. Unquoted cells are trimmed. `row` is the spreadsheet row (a quoted line break does not start one).
 *
 * csv-parse took 6.5 s for 100,000 rows of 56 answers, nearly all of an import's time; lines without a quote,
 * which is nearly every line of an import, are split directly here, about twenty times faster.
 */
export function* csvRecords(text: string, delimiter: string): Generator<{ cells: string[]; row: number }> {
  let pos = 0;
  let row = 0;
  while (pos < text.length) {
    row++;
    const newline = text.indexOf('\n', pos);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(pos, text[end - 1] === '\r' ? end - 1 : end);
    if (!line.includes('"')) {
      pos = end + 1;
      yield { cells: line.split(delimiter).map((c) => c.trim()), row };
    } else {
      const record = quotedRecord(text, pos, delimiter, row);
      pos = record.next;
      yield { cells: record.cells, row };
    }
  }
}

export class CsvSyntaxError extends Error {}

/** A record with quotes in it, read character by character from `pos`; `next` is where the next one starts. */
function quotedRecord(text: string, pos: number, delimiter: string, row: number): { cells: string[]; next: number } {
  const cells: string[] = [];
  for (;;) {
    let start = pos;
    while (text[start] === ' ') start++;
    if (text[start] === '"') {
      let value = '';
      let from = start + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) throw new CsvSyntaxError(`a quoted cell in row ${row} is never closed`);
        value += text.slice(from, quote);
        if (text[quote + 1] !== '"') {
          pos = quote + 1;
          break;
        }
        value += '"';
        from = quote + 2;
      }
      while (text[pos] === ' ') pos++;
      const after = text[pos];
      if (pos < text.length && after !== delimiter && after !== '\r' && after !== '\n')
        throw new CsvSyntaxError(`unexpected text after a closing quote in row ${row}`);
      cells.push(value);
    } else {
      let end = pos;
      while (end < text.length && text[end] !== delimiter && text[end] !== '\r' && text[end] !== '\n') end++;
      cells.push(text.slice(pos, end).trim());
      pos = end;
    }
    if (pos >= text.length) return { cells, next: pos };
    if (text[pos] === delimiter) {
      pos++;
      continue;
    }
    if (text[pos] === '\r') pos++;
    if (text[pos] === '\n') pos++;
    return { cells, next: pos };
  }
}
