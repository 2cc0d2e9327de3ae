import type { Questionnaire } from '../questionnaire/schema.js';
import { DONT_KNOW, NOT_APPLICABLE, UNANSWERED } from './answers.js';
import type { FieldError } from './errors.js';

// A respondent's answers by item id, as the API, the pages and the imports take them, checked against the
// questionnaire and aligned with its items for storage (src/domain/answers.ts holds the stored codes).

/** The API's word for "not applicable" (offered where the questionnaire has a notApplicableLabel). */
export const NA = 'na';

/**
 * A respondent's answers by item id: an integer on the item's scale, null for "don't know", or "na" for
 * "not applicable".
 */
export type AnswerMap = Record<string, number | null | typeof NA>;

/** Checks answers against the questionnaire: unknown item ids and values off the item's scale. */
export function checkAnswers(q: Questionnaire, answers: Record<string, unknown>, prefix: string): FieldError[] {
  let check = checkers.get(q);
  if (!check) checkers.set(q, (check = answerChecker(q)));
  return check(answers, prefix);
}

// Questionnaires are loaded once and never change in memory: every submission reuses its item lookup.
const checkers = new WeakMap<Questionnaire, ReturnType<typeof answerChecker>>();

/** checkAnswers with the questionnaire's item lookup built once, for checking many rows (imports). */
export function answerChecker(q: Questionnaire): (answers: Record<string, unknown>, prefix: string) => FieldError[] {
  // A Map, not an object lookup: `constructor` or `toString` is then an unknown id, not something every object has.
  const items = new Map(q.items.map((i) => [i.id, i]));
  const orNa = q.notApplicableLabel ? ' or "na" ("not applicable")' : '';
  return (answers, prefix) => {
    const errors: FieldError[] = [];
    for (const [id, value] of Object.entries(answers)) {
      const item = items.get(id);
      if (!item) errors.push({ path: `${prefix}.${id}`, message: `unknown item id "${id}" in questionnaire ${q.id} v${q.version}` });
      else if (value === NA) {
        if (!q.notApplicableLabel)
          errors.push({ path: `${prefix}.${id}`, message: `questionnaire ${q.id} v${q.version} has no "not applicable" answer` });
      } else if (value !== null && (typeof value !== 'number' || !Number.isInteger(value)))
        errors.push({ path: `${prefix}.${id}`, message: 'must be an integer, null ("don\'t know") or "na" ("not applicable")' });
      else if (value !== null && (value < item.scale.min || value > item.scale.max))
        errors.push({ path: `${prefix}.${id}`, message: `must be between ${item.scale.min} and ${item.scale.max}, or null ("don't know")${orNa}` });
    }
    return errors;
  };
}

export function checkComments(q: Questionnaire, comments: Record<string, string>, prefix: string): FieldError[] {
  const sections = new Set(q.sections.map((s) => s.id));
  return Object.keys(comments)
    .filter((id) => !sections.has(id))
    .map((id) => ({ path: `${prefix}.${id}`, message: `unknown section id "${id}"` }));
}

/** Aligns an answer map with the questionnaire's item order (see src/domain/answers.ts for the codes). */
export function toAnswerVector(q: Questionnaire, answers: AnswerMap): number[] {
  return q.items.map((item) => {
    if (!Object.hasOwn(answers, item.id)) return UNANSWERED;
    const v = answers[item.id];
    return v === null ? DONT_KNOW : v === NA ? NOT_APPLICABLE : v;
  });
}

export function countAnswered(answers: AnswerMap): number {
  return Object.keys(answers).length;
}
