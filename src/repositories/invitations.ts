import { randomUUID } from 'node:crypto';
import { type Db, isPostgres } from '../db/database.js';
import type { Invitation } from '../db/tables.js';
import { generateToken, hashToken } from '../auth/tokens.js';

export interface InvitationRequest {
  role: 'manager' | 'staff';
  department: string | null;
  count: number;
}

/**
 * Most links one assessment may have. Each link is a row the list, the participation counts and the CSV of
 * links go through; an organization of 20,000 people is far beyond the consultancies Mehvar serves.
 */
export const MAX_INVITATIONS_PER_ASSESSMENT = 20_000;

export type CreateOutcome = { kind: 'created'; invitations: Array<Invitation & { token: string }> } | { kind: 'full'; existing: number };

/**
 * Creates the invitations in one transaction, or none when they would take the assessment past
 * MAX_INVITATIONS_PER_ASSESSMENT; the plain tokens exist only in the return value.
 */
export async function createInvitations(db: Db, assessmentId: string, requests: InvitationRequest[], now: Date): Promise<CreateOutcome> {
  const wanted = requests.reduce((n, r) => n + r.count, 0);
  return db.transaction().execute(async (trx) => {
    // Two batches for the same assessment on two PostgreSQL instances would both count under the cap; the
    // assessment's row lock makes the second wait. SQLite runs one write transaction at a time anyway.
    const lock = trx.selectFrom('assessments').select('id').where('id', '=', assessmentId);
    await (isPostgres(trx) ? lock.forUpdate() : lock).execute();
    const existing = (await summarizeInvitations(trx, assessmentId)).total;
    if (existing + wanted > MAX_INVITATIONS_PER_ASSESSMENT) return { kind: 'full', existing } as const;
    const created = requests.flatMap((r) => Array.from({ length: r.count }, () => newInvitation(assessmentId, r, now)));
    // Chunked so a large batch stays under SQLite's bound-parameter limit.
    for (let i = 0; i < created.length; i += 500)
      await trx
        .insertInto('invitations')
        .values(created.slice(i, i + 500).map(({ token: _t, ...row }) => row))
        .execute();
    return { kind: 'created', invitations: created } as const;
  });
}

function newInvitation(assessmentId: string, r: InvitationRequest, now: Date): Invitation & { token: string } {
  const token = generateToken();
  return {
    id: randomUUID(),
    assessment_id: assessmentId,
    token_hash: hashToken(token),
    role: r.role,
    department: r.department,
    status: 'not_started',
    draft_answers: null,
    draft_comments: null,
    response_id: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    token,
  };
}

export interface InvitationSummary {
  total: number;
  notStarted: number;
  inProgress: number;
  submitted: number;
}

export async function summarizeInvitations(db: Db, assessmentId: string): Promise<InvitationSummary> {
  const rows = await db
    .selectFrom('invitations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assessment_id', '=', assessmentId)
    .groupBy('status')
    .execute();
  const n = (status: Invitation['status']) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  const summary = { notStarted: n('not_started'), inProgress: n('in_progress'), submitted: n('submitted') };
  return { total: summary.notStarted + summary.inProgress + summary.submitted, ...summary };
}

/** Where a page of the list ends: the last row's creation time and id (ids break ties within a batch). */
export interface InvitationKey {
  createdAt: string;
  id: string;
}

/** One page of an assessment's invitations in creation order, after `after`; `next` is set when more follow. */
export async function listInvitations(db: Db, assessmentId: string, page: { limit: number; after?: InvitationKey }) {
  let q = db
    .selectFrom('invitations')
    .select(['id', 'role', 'department', 'status', 'created_at', 'updated_at'])
    .where('assessment_id', '=', assessmentId);
  const after = page.after;
  if (after)
    q = q.where((eb) => eb.or([eb('created_at', '>', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)])]));
  const rows = await q.orderBy('created_at').orderBy('id').limit(page.limit + 1).execute();
  const more = rows.length > page.limit;
  const shown = more ? rows.slice(0, page.limit) : rows;
  const last = shown[shown.length - 1];
  return { rows: shown, next: more ? ({ createdAt: last.created_at, id: last.id } satisfies InvitationKey) : null };
}

/** How many links an assessment has, whatever their status (the response rate's denominator). */
export async function countInvitations(db: Db, assessmentId: string): Promise<number> {
  const row = await db.selectFrom('invitations').select((eb) => eb.fn.countAll<number>().as('n')).where('assessment_id', '=', assessmentId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findInvitationByToken(db: Db, token: string): Promise<Invitation | undefined> {
  return db.selectFrom('invitations').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
}
