import { randomBytes, randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { generateToken, hashToken } from '../auth/tokens.js';
import { type Db, isPostgres } from '../db/database.js';
import type { Database } from '../db/tables.js';
import { planRelease } from '../domain/anonymity.js';
import type { CustomerLink, CustomerSurvey } from '../domain/customerSurvey.js';

/**
 * The shareable link's token: 96 random bits, short enough for a QR code on a receipt and for typing.
 * Guessing one only lets someone answer a survey, which the per-address limit already bounds.
 */
function shareableToken(): string {
  return randomBytes(12).toString('base64url');
}

export async function insertSurvey(db: Db, s: Omit<CustomerSurvey, 'id' | 'token' | 'created_at'>, now: Date): Promise<CustomerSurvey> {
  const row: CustomerSurvey = { ...s, id: randomUUID(), token: shareableToken(), created_at: now.toISOString() };
  await db.insertInto('customer_surveys').values(row).execute();
  return row;
}

export async function findSurveyByAssessment(db: Kysely<Database>, assessmentId: string): Promise<CustomerSurvey | undefined> {
  return db.selectFrom('customer_surveys').selectAll().where('assessment_id', '=', assessmentId).executeTakeFirst();
}

export async function findSurveysByAssessments(db: Db, assessmentIds: readonly string[]): Promise<CustomerSurvey[]> {
  if (assessmentIds.length === 0) return [];
  return db.selectFrom('customer_surveys').selectAll().where('assessment_id', 'in', [...assessmentIds]).execute();
}

export async function setSurveyClosesAt(db: Db, surveyId: string, closesAt: string | null): Promise<void> {
  await db.updateTable('customer_surveys').set({ closes_at: closesAt }).where('id', '=', surveyId).execute();
}

/** The survey a token opens: its shareable token, or a single-use link's (with the link). */
export async function findSurveyByToken(db: Db, token: string): Promise<{ survey: CustomerSurvey; link: CustomerLink | null } | undefined> {
  const shared = await db.selectFrom('customer_surveys').selectAll().where('token', '=', token).executeTakeFirst();
  if (shared) return { survey: shared, link: null };
  const link = await db.selectFrom('customer_links').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!link) return undefined;
  const survey = await db.selectFrom('customer_surveys').selectAll().where('id', '=', link.survey_id).executeTakeFirstOrThrow();
  return { survey, link };
}

/** Creates single-use links; the plain tokens exist only in the return value. */
export async function insertSingleUseLinks(db: Db, surveyId: string, count: number): Promise<string[]> {
  const tokens = Array.from({ length: count }, () => generateToken());
  const rows = tokens.map((t) => ({ id: randomUUID(), survey_id: surveyId, token_hash: hashToken(t), used: 0 }));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('customer_links').values(rows.slice(i, i + 500)).execute();
  });
  return tokens;
}

export type CustomerInsertOutcome = { kind: 'stored' } | { kind: 'linkUsed' };

/**
 * Stores one customer's answers; through a single-use link, only while the link is unused, marking it used in
 * the same transaction (the conditional update is the lock: of two submissions at once, one changes the row).
 */
export async function insertCustomerResponse(trx: Kysely<Database>, surveyId: string, answers: string, day: string, linkId: string | null): Promise<CustomerInsertOutcome> {
  if (linkId) {
    const marked = await trx.updateTable('customer_links').set({ used: 1 }).where('id', '=', linkId).where('used', '=', 0).executeTakeFirst();
    if (Number(marked.numUpdatedRows) === 0) return { kind: 'linkUsed' };
  }
  await trx.insertInto('customer_responses').values({ id: randomUUID(), survey_id: surveyId, answers, submitted_on: day, release: null }).execute();
  return { kind: 'stored' };
}

/**
 * Lets the customer answers waiting enter the figures under the same rule as staff responses
 * (domain/anonymity.ts `planRelease`): k or more at once, or all at the final snapshot when none were released.
 */
export async function releaseCustomerPending(db: Db, surveyId: string, k: number, closed: boolean): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    if (isPostgres(trx)) await trx.selectFrom('customer_surveys').select('id').where('id', '=', surveyId).forUpdate().execute();
    const row = await trx
      .selectFrom('customer_responses')
      .select([sql<number>`count(*) filter (where release is null)`.as('pending'), sql<number | null>`max(release)`.as('last')])
      .where('survey_id', '=', surveyId)
      .executeTakeFirstOrThrow();
    const decision = planRelease({ pending: Number(row.pending), lastRelease: Number(row.last ?? 0), closed, k });
    if (!decision.release) return null;
    await trx.updateTable('customer_responses').set({ release: decision.number }).where('survey_id', '=', surveyId).where('release', 'is', null).execute();
    return decision.number;
  });
}

/** The compact answers and release of every customer response; only domain/anonymity.ts decides what is shown. */
export async function listCustomerResponsesForScoring(db: Db, surveyId: string) {
  return db.selectFrom('customer_responses').select(['id', 'answers', 'release']).where('survey_id', '=', surveyId).orderBy('seq').execute();
}

export async function countCustomerResponses(db: Db, surveyId: string): Promise<number> {
  const row = await db.selectFrom('customer_responses').select((eb) => eb.fn.countAll<number>().as('n')).where('survey_id', '=', surveyId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countSingleUseLinks(db: Db, surveyId: string): Promise<{ total: number; used: number }> {
  const row = await db
    .selectFrom('customer_links')
    .select([sql<number>`count(*)`.as('total'), sql<number>`count(*) filter (where used = 1)`.as('used')])
    .where('survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), used: Number(row.used) };
}

/** How many customer answers a survey has, and its last release (0 when none): what a report's cache key needs. */
export async function customerCounters(db: Db, surveyId: string): Promise<{ count: number; lastRelease: number }> {
  const row = await db
    .selectFrom('customer_responses')
    .select([sql<number>`count(*)`.as('n'), sql<number | null>`max(release)`.as('last')])
    .where('survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), lastRelease: Number(row.last ?? 0) };
}

/** Every customer questionnaire version some survey uses, with the hash it was started on (the frozen check at start-up). */
export async function listUsedCustomerQuestionnaireVersions(db: Db) {
  return db.selectFrom('customer_surveys').select(['questionnaire_id', 'questionnaire_version', 'questionnaire_hash']).distinct().execute();
}
