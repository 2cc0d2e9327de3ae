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

/** The links made by one request for one role and department: what the dashboard lists, revokes and issues again. */
export interface InvitationBatch {
  createdAt: string;
  role: 'manager' | 'staff';
  department: string | null;
  total: number;
  /** Links not yet submitted: the ones a new download replaces and a revocation removes. */
  open: number;
}

export async function listInvitationBatches(db: Db, assessmentId: string): Promise<InvitationBatch[]> {
  const rows = await db
    .selectFrom('invitations')
    .select(['created_at', 'role', 'department', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assessment_id', '=', assessmentId)
    .groupBy(['created_at', 'role', 'department', 'status'])
    .orderBy('created_at')
    .execute();
  const batches = new Map<string, InvitationBatch>();
  for (const r of rows) {
    const key = `${r.created_at}\u0000${r.role}\u0000${r.department ?? ''}`;
    const b = batches.get(key) ?? { createdAt: r.created_at, role: r.role, department: r.department, total: 0, open: 0 };
    b.total += Number(r.n);
    if (r.status !== 'submitted') b.open += Number(r.n);
    batches.set(key, b);
  }
  return [...batches.values()];
}

type BatchKey = Pick<InvitationBatch, 'createdAt' | 'role' | 'department'>;

function openInBatch(db: Db, assessmentId: string, batch: BatchKey) {
  return db
    .selectFrom('invitations')
    .select(['id', 'role', 'department'])
    .where('assessment_id', '=', assessmentId)
    .where('created_at', '=', batch.createdAt)
    .where('role', '=', batch.role)
    .where((eb) => (batch.department === null ? eb('department', 'is', null) : eb('department', '=', batch.department)))
    .where('status', '!=', 'submitted');
}

/**
 * Gives every not-yet-submitted link of a batch a fresh token: only hashes are stored, so a link cannot be
 * shown twice; the old links stop working and a draft already begun continues at the new one. Run inside
 * the caller's transaction; the plain tokens exist only in the return value.
 */
export async function reissueBatch(db: Db, assessmentId: string, batch: BatchKey, now: Date): Promise<Array<Pick<Invitation, 'id' | 'role' | 'department'> & { token: string }>> {
  const rows = await openInBatch(db, assessmentId, batch).orderBy('id').execute();
  const out = [];
  for (const r of rows) {
    const token = generateToken();
    await db.updateTable('invitations').set({ token_hash: hashToken(token), updated_at: now.toISOString() }).where('id', '=', r.id).where('status', '!=', 'submitted').execute();
    out.push({ ...r, token });
  }
  return out;
}

/** Removes a batch's not-yet-submitted links (and their drafts); submitted ones stay, counted as before. */
export async function revokeBatch(db: Db, assessmentId: string, batch: BatchKey): Promise<number> {
  const ids = (await openInBatch(db, assessmentId, batch).execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) await db.deleteFrom('invitations').where('id', 'in', ids.slice(i, i + 500)).execute();
  return ids.length;
}

/** Links per department and status, for the response progress by department (never per link). */
export async function countByDepartment(db: Db, assessmentId: string): Promise<Array<{ department: string | null; invited: number; submitted: number; inProgress: number }>> {
  const rows = await db
    .selectFrom('invitations')
    .select(['department', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assessment_id', '=', assessmentId)
    .groupBy(['department', 'status'])
    .execute();
  const by = new Map<string | null, { department: string | null; invited: number; submitted: number; inProgress: number }>();
  for (const r of rows) {
    const d = by.get(r.department) ?? { department: r.department, invited: 0, submitted: 0, inProgress: 0 };
    d.invited += Number(r.n);
    if (r.status === 'submitted') d.submitted += Number(r.n);
    if (r.status === 'in_progress') d.inProgress += Number(r.n);
    by.set(r.department, d);
  }
  return [...by.values()];
}
