import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { FieldError } from '../errors.js';
import { zodFieldErrors } from '../errors.js';
import { answerMapSchema, checkAnswers, type AnswerMap } from '../questionnaire/answers.js';
import type { Questionnaire } from '../questionnaire/schema.js';
import type { ImportedResponse } from '../repositories/responses.js';
import { cleanUserText } from '../text.js';

export const MAX_IMPORT_ROWS = 100_000;
const MAX_ERRORS = 200;

export interface ImportResult {
  rows: ImportedResponse[];
  errors: FieldError[];
}

const ROLES = new Set(['manager', 'staff']);

/**
 * Paper forms typed into a spreadsheet: header `role,department,<item ids…>`; a cell is an integer,
 * empty means unanswered and `NA` means "don't know". Errors name the spreadsheet row (header = row 1).
 */
export function parseCsvImport(q: Questionnaire, text: string): ImportResult {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: false, trim: true }) as string[][];
  } catch (e) {
    return { rows: [], errors: [{ path: 'body', message: `not valid CSV: ${(e as Error).message}` }] };
  }
  const [header, ...data] = records;
  const errors: FieldError[] = [];
  if (!header) return { rows: [], errors: [{ path: 'body', message: 'empty file: expected a header row role,department,<item ids>' }] };
  if (header[0] !== 'role' || header[1] !== 'department')
    errors.push({ path: 'row 1', message: 'the header must start with role,department' });
  const itemIds = new Set(q.items.map((i) => i.id));
  const columns = header.slice(2);
  columns.forEach((col, i) => {
    if (!itemIds.has(col)) errors.push({ path: `row 1, column ${i + 3} (${col})`, message: `unknown item id "${col}"` });
  });
  if (new Set(columns).size !== columns.length) errors.push({ path: 'row 1', message: 'an item column appears twice' });
  if (data.length === 0) errors.push({ path: 'body', message: 'no data rows' });
  if (data.length > MAX_IMPORT_ROWS) errors.push({ path: 'body', message: `at most ${MAX_IMPORT_ROWS} rows per import` });
  if (errors.length) return { rows: [], errors };

  const rows: ImportedResponse[] = [];
  data.forEach((cells, r) => {
    const rowNo = r + 2;
    if (errors.length >= MAX_ERRORS) return;
    const role = cells[0];
    if (!ROLES.has(role)) errors.push({ path: `row ${rowNo}, column role`, message: 'must be manager or staff' });
    const department = departmentOf(cells[1]);
    if (!department.ok) errors.push({ path: `row ${rowNo}, column department`, message: department.problem });
    const answers: AnswerMap = {};
    const raw: Record<string, unknown> = {};
    columns.forEach((col, i) => {
      const cell = cells[i + 2];
      if (cell === '') return;
      if (/^na$/i.test(cell)) answers[col] = null;
      else if (/^-?\d{1,3}$/.test(cell)) raw[col] = answers[col] = Number(cell);
      else errors.push({ path: `row ${rowNo}, column ${col}`, message: `"${cell.slice(0, 20)}" is not an integer, empty or NA` });
    });
    for (const e of checkAnswers(q, raw, 'x')) errors.push({ path: `row ${rowNo}, column ${e.path.slice(2)}`, message: e.message });
    if (Object.keys(answers).length === 0) errors.push({ path: `row ${rowNo}`, message: 'no answers in this row' });
    rows.push({ role: role as ImportedResponse['role'], department: department.ok ? department.text || null : null, answers });
  });
  return errors.length ? { rows: [], errors: errors.slice(0, MAX_ERRORS) } : { rows, errors };
}

const jsonImport = z.strictObject({
  responses: z
    .array(
      z.strictObject({
        role: z.enum(['manager', 'staff']),
        department: z.string().max(400).optional(),
        answers: answerMapSchema,
      }),
    )
    .min(1)
    .max(MAX_IMPORT_ROWS),
});

export function parseJsonImport(q: Questionnaire, body: unknown): ImportResult {
  const parsed = jsonImport.safeParse(body);
  if (!parsed.success) return { rows: [], errors: zodFieldErrors(parsed.error).slice(0, MAX_ERRORS) };
  const errors: FieldError[] = [];
  const rows = parsed.data.responses.map((r, i) => {
    errors.push(...checkAnswers(q, r.answers, `responses.${i}.answers`));
    if (Object.keys(r.answers).length === 0) errors.push({ path: `responses.${i}.answers`, message: 'no answers' });
    const department = departmentOf(r.department);
    if (!department.ok) errors.push({ path: `responses.${i}.department`, message: department.problem });
    return { role: r.role, department: department.ok ? department.text || null : null, answers: r.answers };
  });
  return errors.length ? { rows: [], errors: errors.slice(0, MAX_ERRORS) } : { rows, errors };
}

/** A department cell by the same rules as a department typed anywhere else; empty means none. */
function departmentOf(cell: string | undefined) {
  return cleanUserText(cell ?? '', { max: 200, allowEmpty: true });
}
