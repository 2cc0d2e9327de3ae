import type { FieldError } from '../domain/errors.js';
import { answerChecker, NA, type AnswerMap } from '../domain/answerMaps.js';
import type { Questionnaire } from '../questionnaire/schema.js';
import type { ImportedResponse } from '../domain/records.js';
import { asciiDigits } from '../text.js';
import { CsvSyntaxError, csvRecords } from './csvRecords.js';
import { departmentOf, finish, type ImportResult, MAX_ERRORS, MAX_IMPORT_ROWS, Pacer, ROLES } from './paperImport.js';

// "Don't know" is NA, as the export writes it; "not applicable" is N/A (any case) or na, as the export writes
// it (N/A). The two were one answer before questionnaires offered "not applicable": NA kept its meaning.
const DONT_KNOW = /^NA$/;
const NOT_APPLICABLE = /^(?:[nN]\/[aA]|na)$/;
const INTEGER = /^-?\d{1,3}$/;
// The export puts an apostrophe before a cell a spreadsheet would run (src/exports/csv.ts); taken off here so
// an exported department comes back as it was typed.
const NEUTRALIZED = /^'(?=[=+\-@])/;

interface Header {
  columns: number;
  role: number;
  department: number;
  items: Array<{ id: string; column: number }>;
}

/**
 * Paper forms typed into a spreadsheet, or responses.csv as exported: header `[response_id,]role,department,
 * <item ids…>` (response_id is ignored); a cell is an integer in ASCII, Persian or Arabic-Indic digits, empty
 * for unanswered, NA for "don't know", or N/A (any case) or na for "not applicable" where the questionnaire
 * offers it. Errors name the spreadsheet row.
 */
export async function parseCsvImport(q: Questionnaire, text: string): Promise<ImportResult> {
  text = text.replace(/^\uFEFF/, '');
  const check = answerChecker(q);
  const pacer = new Pacer();
  const rows: ImportedResponse[] = [];
  const errors: FieldError[] = [];
  let header: Header | undefined;
  let n = 0;
  try {
    for (const { cells, row } of csvRecords(text, delimiterOf(text))) {
      // Blank lines, and the rows of empty cells a spreadsheet leaves where rows were cleared.
      if (cells.every((c) => c === '')) continue;
      if (!header) {
        const read = readHeader(q, cells, row);
        if ('errors' in read) return finish([], read.errors);
        header = read;
        continue;
      }
      if (++n > MAX_IMPORT_ROWS) return finish([], [{ path: 'body', message: `at most ${MAX_IMPORT_ROWS} rows per import` }]);
      if (cells.length !== header.columns) errors.push({ path: `row ${row}`, message: `has ${cells.length} cells where the header has ${header.columns}` });
      else {
        const response = readRow(header, cells, row, check, errors);
        if (response) rows.push(response);
      }
      if (errors.length >= MAX_ERRORS) break;
      await pacer.maybeYield();
    }
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    return finish([], [{ path: 'body', message: `not valid CSV: ${e.message}` }]);
  }
  if (!header) return finish([], [{ path: 'body', message: 'empty file: expected a header row role,department,<item ids>' }]);
  if (n === 0) errors.push({ path: 'body', message: 'no data rows' });
  return finish(rows, errors);
}

function readHeader(q: Questionnaire, cells: string[], row: number): Header | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  // responses.csv as exported starts with the response id; it says nothing about the paper form and is ignored.
  const first = cells[0] === 'response_id' ? 1 : 0;
  if (cells[first] !== 'role' || cells[first + 1] !== 'department')
    errors.push({ path: `row ${row}`, message: 'the header must start with role,department (after response_id, if there is one)' });
  const itemIds = new Set(q.items.map((i) => i.id));
  const items = cells.slice(first + 2).map((id, i) => ({ id, column: first + 2 + i }));
  for (const { id, column } of items) if (!itemIds.has(id)) errors.push({ path: `row ${row}, column ${column + 1} (${id})`, message: `unknown item id "${id}"` });
  if (new Set(items.map((i) => i.id)).size !== items.length) errors.push({ path: `row ${row}`, message: 'an item column appears twice' });
  return errors.length ? { errors } : { columns: cells.length, role: first, department: first + 1, items };
}

function readRow(h: Header, cells: string[], rowNo: number, check: ReturnType<typeof answerChecker>, errors: FieldError[]): ImportedResponse | null {
  const before = errors.length;
  const role = cells[h.role];
  if (!ROLES.has(role))
    errors.push({
      path: `row ${rowNo}, column role`,
      message: role === '' ? 'is empty (an export leaves the role of a small group blank); write manager or staff' : 'must be manager or staff',
    });
  const department = departmentOf(cells[h.department].replace(NEUTRALIZED, ''));
  if (!department.ok) errors.push({ path: `row ${rowNo}, column department`, message: department.problem });
  const answers: AnswerMap = {};
  for (const { id, column } of h.items) {
    const cell = cells[column];
    if (cell === '') continue;
    if (INTEGER.test(cell)) answers[id] = Number(cell);
    else if (DONT_KNOW.test(cell)) answers[id] = null;
    else if (NOT_APPLICABLE.test(cell)) answers[id] = NA;
    else if (INTEGER.test(asciiDigits(cell))) answers[id] = Number(asciiDigits(cell));
    else errors.push({ path: `row ${rowNo}, column ${id}`, message: `"${cell.slice(0, 20)}" is not an integer, empty, NA ("don't know") or N/A ("not applicable")` });
  }
  for (const e of check(answers, '')) errors.push({ path: `row ${rowNo}, column ${e.path.slice(1)}`, message: e.message });
  if (Object.keys(answers).length === 0) errors.push({ path: `row ${rowNo}`, message: 'no answers in this row' });
  return errors.length === before && department.ok ? { role: role as ImportedResponse['role'], department: department.text || null, answers } : null;
}

/** Comma, or what a spreadsheet set to another list separator saved instead: the most frequent in the header. */
function delimiterOf(text: string): string {
  const header = text.slice(0, 8192).split(/\r?\n/, 1)[0];
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}
