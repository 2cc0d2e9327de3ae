import type { FieldError } from '../domain/errors.js';
import type { ImportedResponse } from '../domain/records.js';
import { cleanUserText } from '../text.js';

// What the CSV and JSON imports share. Both are all or nothing: every row is checked before any is stored.

export const MAX_IMPORT_ROWS = 100_000;
export const MAX_ERRORS = 200;

export interface ImportResult {
  rows: ImportedResponse[];
  errors: FieldError[];
}

export const ROLES: ReadonlySet<string> = new Set(['manager', 'staff']);

/**
 * Lets other requests run while a large import is parsed and checked. A row of a 56-item questionnaire
 * costs about ten times one of a 6-item one, so the loop is given back by time (every ~10 ms) rather
 * than every so many rows; 100,000 rows would otherwise hold it for seconds.
 */
export class Pacer {
  private last = performance.now();

  async maybeYield(): Promise<void> {
    if (performance.now() - this.last < 10) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = performance.now();
  }
}

/** A department cell by the same rules as a department typed anywhere else; empty means none. */
export function departmentOf(cell: string | undefined) {
  return cleanUserText(cell ?? '', { max: 200, allowEmpty: true });
}

export function finish(rows: ImportedResponse[], errors: FieldError[]): ImportResult {
  return errors.length ? { rows: [], errors: errors.slice(0, MAX_ERRORS) } : { rows, errors };
}
