import { stringify } from 'csv-stringify/sync';
import { DONT_KNOW, NOT_APPLICABLE, UNANSWERED } from '../domain/answers.js';
import type { PresentedComments } from '../domain/presentComments.js';
import type { Results } from '../domain/results.js';
import type { Questionnaire } from '../questionnaire/schema.js';

/** Excel reads UTF-8 (and so Persian) correctly only with a byte-order mark. */
const BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe,
 * so exported user text can never execute. Numbers we write ourselves are never negative.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Rows end in CRLF, and a cell holding any line break is quoted: csv-stringify quotes only cells holding
 * the record delimiter itself, and a spreadsheet ends a row at a lone LF or CR too, so a comment's second
 * line became a row of its own (and could start with a formula no one had neutralized).
 */
function toCsv(rows: (string | number | null)[][]): string {
  return BOM + stringify(rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : neutralizeCell(c)))), { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

export interface ExportResponse {
  id: string;
  /** As labelled by domain/anonymity.ts: null = not shown. */
  role: string | null;
  department: string | null;
  answers: ArrayLike<number>;
}

/**
 * One row per response in the figures, in the order given (domain/anonymity.ts `exportOrder`), with the
 * role and department each row may show (blank when generalized or absent). Nothing is decided here.
 */
export function responsesCsv(q: Questionnaire, responses: readonly ExportResponse[]): string {
  const header = ['response_id', 'role', 'department', ...q.items.map((i) => i.id)];
  const rows = responses.map((r) => [
    r.id,
    r.role,
    r.department,
    // The same words the import reads back: NA is "don't know", N/A is "not applicable".
    ...Array.from(r.answers, (v) => (v === DONT_KNOW ? 'NA' : v === NOT_APPLICABLE ? 'N/A' : v === UNANSWERED ? null : v)),
  ]);
  return toCsv([header, ...rows]);
}

/** Item scores and distributions; below k responses in the figures, the item list with every figure empty. */
export function itemsCsv(q: Questionnaire, results: Pick<Results, 'items' | 'snapshot'>): string {
  const shown = results.snapshot?.figuresShown ?? true;
  const points = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
  const allPoints = [...new Set(q.items.flatMap((i) => points(i.scale.min, i.scale.max)))].sort((a, b) => Number(a) - Number(b));
  const header = ['item_id', 'section', 'dimension', 'level', 'reverse', 'weight', 'text_fa', 'text_en', 'score', 'n', ...allPoints.map((p) => `count_${p}`), 'count_dont_know', 'count_not_applicable', 'alpha_if_deleted'];
  const rows = results.items.map((r) => {
    const def = q.items.find((i) => i.id === r.id)!;
    return [
      r.id, def.section, def.dimension, def.level, String(def.reverse), def.weight, def.text.fa, def.text.en,
      ...(shown
        ? [r.score, r.n, ...allPoints.map((p) => r.distribution[p] ?? null), r.distribution.dontKnow ?? 0, r.distribution.notApplicable ?? 0, r.alphaIfDeleted]
        : [null, null, ...allPoints.map(() => null), null, null, null]),
    ];
  });
  return toCsv([header, ...rows]);
}

/** comments.csv: section, its title, role and department where shown, the text. Formula cells neutralized. */
export function commentsCsv(c: Pick<PresentedComments, 'sections'>): string {
  const header = ['section', 'section_title', 'role', 'department', 'text'];
  const rows = c.sections.flatMap((s) => s.comments.map((x) => [s.section, s.title, x.role ?? null, x.department ?? null, x.text]));
  return toCsv([header, ...rows]);
}
