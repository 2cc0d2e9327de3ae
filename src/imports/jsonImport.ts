import { z } from 'zod';
import { type FieldError, zodFieldErrors } from '../domain/errors.js';
import { answerChecker } from '../domain/answerMaps.js';
import { answerMapSchema } from '../http/answerMapSchema.js';
import type { Questionnaire } from '../questionnaire/schema.js';
import type { ImportedResponse } from '../domain/records.js';
import { forEachJsonRow } from './jsonRows.js';
import { departmentOf, finish, type ImportResult, MAX_ERRORS, MAX_IMPORT_ROWS, Pacer } from './paperImport.js';

const rowSchema = z.strictObject({
  role: z.enum(['manager', 'staff']),
  department: z.string().max(400).optional(),
  answers: answerMapSchema,
});

const outline = z.strictObject({ responses: z.array(z.unknown()) });

/**
 * `{responses: [{role, department?, answers}]}`, checked row by row while giving the event loop back (see
 * Pacer); null when the body is not JSON at all.
 */
export async function parseJsonImport(q: Questionnaire, text: string): Promise<ImportResult | null> {
  const rows: ImportedResponse[] = [];
  const errors: FieldError[] = [];
  const check = answerChecker(q);
  let count = 0;
  const visit = (row: unknown, i: number) => {
    if (++count > MAX_IMPORT_ROWS) return false;
    const parsed = rowSchema.safeParse(row);
    if (!parsed.success) errors.push(...zodFieldErrors(parsed.error, ['responses', i]));
    else {
      const r = parsed.data;
      errors.push(...check(r.answers, `responses.${i}.answers`));
      if (Object.keys(r.answers).length === 0) errors.push({ path: `responses.${i}.answers`, message: 'no answers' });
      const department = departmentOf(r.department);
      if (!department.ok) errors.push({ path: `responses.${i}.department`, message: department.problem });
      else rows.push({ role: r.role, department: department.text || null, answers: r.answers });
    }
    return errors.length < MAX_ERRORS;
  };

  if ((await forEachJsonRow(text, visit)) === 'other') {
    rows.length = errors.length = count = 0;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return null;
    }
    const parsed = outline.safeParse(body);
    if (!parsed.success) return finish([], zodFieldErrors(parsed.error));
    await visitAll(parsed.data.responses, visit);
  }
  if (count > MAX_IMPORT_ROWS) return finish([], [{ path: 'responses', message: `at most ${MAX_IMPORT_ROWS} rows per import` }]);
  if (count === 0) errors.push({ path: 'responses', message: 'must hold at least one response' });
  return finish(rows, errors);
}

async function visitAll(rows: unknown[], visit: (row: unknown, i: number) => boolean): Promise<void> {
  const pacer = new Pacer();
  for (let i = 0; i < rows.length && visit(rows[i], i); i++) await pacer.maybeYield();
}
