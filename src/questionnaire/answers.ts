import { z } from '@hono/zod-openapi';
import { DONT_KNOW, UNANSWERED } from '../domain/answers.js';
import type { FieldError } from '../errors.js';
import { ownRecord } from '../http/router.js';
import type { Questionnaire } from './schema.js';

/** A respondent's answers by item id: an integer on the item's scale, or null for "don't know". */
export type AnswerMap = Record<string, number | null>;

/**
 * An answer map as clients send it. Every key survives validation (`__proto__` included), so checkAnswers
 * can refuse it as an unknown item instead of it vanishing on the way.
 */
export const answerMapSchema = ownRecord(z.number().int().nullable(), {
  maxKey: 64,
  description: 'itemId → scale value, or null for "don\'t know"',
  valueDoc: { type: ['integer', 'null'] },
});

/** Checks answers against the questionnaire: unknown item ids and values off the item's scale. */
export function checkAnswers(q: Questionnaire, answers: Record<string, unknown>, prefix: string): FieldError[] {
  return answerChecker(q)(answers, prefix);
}

/** checkAnswers with the questionnaire's item lookup built once, for checking many rows (imports). */
export function answerChecker(q: Questionnaire): (answers: Record<string, unknown>, prefix: string) => FieldError[] {
  // A Map, not an object lookup: `constructor` or `toString` is then an unknown id, not something every object has.
  const items = new Map(q.items.map((i) => [i.id, i]));
  return (answers, prefix) => {
    const errors: FieldError[] = [];
    for (const [id, value] of Object.entries(answers)) {
      const item = items.get(id);
      if (!item) errors.push({ path: `${prefix}.${id}`, message: `unknown item id "${id}" in questionnaire ${q.id} v${q.version}` });
      else if (value !== null && (typeof value !== 'number' || !Number.isInteger(value)))
        errors.push({ path: `${prefix}.${id}`, message: 'must be an integer or null ("don\'t know")' });
      else if (value !== null && (value < item.scale.min || value > item.scale.max))
        errors.push({ path: `${prefix}.${id}`, message: `must be between ${item.scale.min} and ${item.scale.max}, or null ("don't know")` });
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
    return v === null ? DONT_KNOW : v;
  });
}

export function countAnswered(answers: AnswerMap): number {
  return Object.keys(answers).length;
}
