import { z } from 'zod';
import { userText } from '../../http/router.js';
import { asciiDigits } from '../../text.js';
import type { FormState } from './fields.js';
import { readJalaliField } from './jalaliField.js';

// The dashboard's forms, validated like the JSON API validates the same things (src/routes/organizations.ts,
// src/routes/invitations.ts): the same userText rule and the same limits. An empty box means "not given".

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (max: number) => z.preprocess(blank, userText(max).optional());
const toNumber = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(asciiDigits(v.trim()))) : v);
const optionalInt = (min: number, max: number) => z.preprocess(toNumber, z.number().int().min(min).max(max).optional());
const optionalScore = z.preprocess(toNumber, z.number().min(0).max(100).optional());

export const organizationForm = z.object({
  nameFa: userText(300),
  nameEn: optionalText(300),
  sector: optionalText(200),
  headcount: optionalInt(1, 10_000_000),
});

export const assessmentForm = z.object({
  title: userText(300),
  questionnaire: z.string().regex(/^[a-z][a-z0-9._-]*@\d{1,6}$/),
  anonymityThreshold: z.preprocess(toNumber, z.number().int().min(2).max(100).default(5)),
  targetCulture: optionalScore,
  targetProcess: optionalScore,
  targetInteraction: optionalScore,
  closesOn: z.preprocess(blank, z.iso.date().optional()),
});

/** Same limits as the API: 1..5000 links per request. */
export const MAX_LINKS = 5000;
export const invitationForm = z.object({
  role: z.enum(['manager', 'staff']),
  department: optionalText(200),
  count: z.preprocess(toNumber, z.number().int().min(1).max(MAX_LINKS)),
});

export type Parsed<T> = { ok: true; data: T; form: FormState } | { ok: false; form: FormState };

/**
 * Parses a posted form. On failure the form comes back with what was typed and one message per bad field,
 * in the reader's language (the API's English zod messages would not do on a Persian page).
 */
export function parseForm<S extends z.ZodType>(schema: S, body: Record<string, unknown>, messages: Record<string, string>): Parsed<z.output<S>> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== 'csrf') values[k] = v;
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, form: { values, errors: {} } };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= messages[field] ?? issue.message;
  }
  return { ok: false, form: { values, errors } };
}

/** A closing date typed as a day closes at the end of that day in Tehran (UTC+03:30, no daylight saving). */
export function endOfDayTehran(day: string): Date {
  return new Date(`${day}T23:59:59+03:30`);
}

/**
 * The Jalali picker's three selects (jalaliField.tsx) read into the ISO day field `name` the schema checks;
 * `bad` when they name no real day. The selects stay among the values, so a form shown again keeps them.
 */
export function withPickedDay(body: Record<string, unknown>, name: string): { body: Record<string, unknown>; bad: boolean } {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') values[k] = v;
  const picked = readJalaliField(values, name);
  return picked.ok ? { body: { ...body, [name]: picked.day ?? '' }, bad: false } : { body, bad: true };
}

export const organizationEditForm = organizationForm;

export const assessmentEditForm = z.object({
  title: userText(300),
  anonymityThreshold: z.preprocess(toNumber, z.number().int().min(2).max(100).optional()),
  targetCulture: optionalScore,
  targetProcess: optionalScore,
  targetInteraction: optionalScore,
  closesOn: z.preprocess(blank, z.iso.date().optional()),
});
