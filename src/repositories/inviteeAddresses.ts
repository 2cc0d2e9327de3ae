import { sql } from 'kysely';
import { type Db, isPostgres } from '../db/database.js';
import type { InviteeAddressTable } from '../db/tables.js';

// Email invitees' addresses: their own table, keyed by invitation, read only to compose a message. Nothing
// here is ever joined into results, exports, lists, logs or audit entries.

export type InviteeAddress = InviteeAddressTable;

export async function insertInviteeAddresses(db: Db, rows: InviteeAddress[]): Promise<void> {
  // Chunked so a large batch stays under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 400) await db.insertInto('invitee_addresses').values(rows.slice(i, i + 400)).execute();
}

/** Which of these addresses already have a link in the assessment (a revoked link's address does not). */
export async function alreadyInvited(db: Db, assessmentId: string, emails: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < emails.length; i += 400) {
    const rows = await db
      .selectFrom('invitee_addresses')
      .innerJoin('invitations', 'invitations.id', 'invitee_addresses.invitation_id')
      .select('invitee_addresses.email')
      .where('invitee_addresses.assessment_id', '=', assessmentId)
      .where('invitee_addresses.email', 'in', emails.slice(i, i + 400))
      .execute();
    for (const r of rows) found.add(r.email);
  }
  return found;
}

/** The invitations with an address whose respondent has not submitted: who a reminder goes to. */
export async function unsubmittedInvitees(db: Db, assessmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('invitee_addresses')
    .innerJoin('invitations', 'invitations.id', 'invitee_addresses.invitation_id')
    .select('invitee_addresses.invitation_id')
    .where('invitee_addresses.assessment_id', '=', assessmentId)
    .where('invitations.status', '!=', 'submitted')
    .execute();
  return rows.map((r) => r.invitation_id);
}

/** Whether an invitation of this assessment has an address to send to. */
export async function hasInviteeAddress(db: Db, assessmentId: string, invitationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('invitee_addresses')
    .innerJoin('invitations', 'invitations.id', 'invitee_addresses.invitation_id')
    .select('invitee_addresses.invitation_id')
    .where('invitee_addresses.invitation_id', '=', invitationId)
    .where('invitee_addresses.assessment_id', '=', assessmentId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A link replaced (revoked and issued again): later messages carry the new one. */
export async function replaceInviteeToken(db: Db, invitationId: string, token: string): Promise<void> {
  await db.updateTable('invitee_addresses').set({ token }).where('invitation_id', '=', invitationId).execute();
}

/** The same for a batch issued again; links without an address are left alone. */
export async function replaceInviteeTokens(db: Db, links: Array<{ id: string; token: string }>): Promise<void> {
  for (const l of links) await replaceInviteeToken(db, l.id, l.token);
}

export async function countInviteeAddresses(db: Db, assessmentId: string): Promise<number> {
  const row = await db.selectFrom('invitee_addresses').select((eb) => eb.fn.countAll<number>().as('n')).where('assessment_id', '=', assessmentId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Assessments closed (by hand or by their date) that still hold addresses. */
export async function closedWithAddresses(db: Db, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('assessments')
    .select('id')
    .where((eb) => eb.exists(eb.selectFrom('invitee_addresses').select('invitation_id').whereRef('invitee_addresses.assessment_id', '=', 'assessments.id')))
    .where((eb) => eb.or([eb('closed_at', 'is not', null), eb('closes_at', '<=', now.toISOString())]))
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Deletes an assessment's addresses and links (revoked ones' too), and cancels what was still to be sent
 * to them. On SQLite the delete runs with secure_delete (the freed bytes are overwritten with zeros, not
 * just marked free) and is followed by a TRUNCATE checkpoint, so neither the database file nor its
 * write-ahead log keeps a copy. On PostgreSQL the rows are deleted; the space they took is reused by
 * vacuum, not overwritten. Closing calls this, and so must anything that deletes an assessment, before.
 */
export async function destroyInviteeAddresses(db: Db, assessmentId: string, now: Date): Promise<number> {
  return destroyWhere(db, [assessmentId], now);
}

/** The same for every assessment of an organization, before the organization is deleted. */
export async function destroyOrganizationAddresses(db: Db, organizationId: string, now: Date): Promise<number> {
  const ids = (await db.selectFrom('assessments').select('id').where('organization_id', '=', organizationId).execute()).map((r) => r.id);
  return ids.length ? destroyWhere(db, ids, now) : 0;
}

async function destroyWhere(db: Db, assessmentIds: string[], now: Date): Promise<number> {
  const remove = async (trx: Db) => {
    await trx
      .updateTable('mail_outbox')
      .set({ status: 'cancelled', last_error: 'the assessment closed', finished_at: now.toISOString() })
      .where('assessment_id', 'in', assessmentIds)
      .where('status', '=', 'queued')
      .execute();
    const r = await trx.deleteFrom('invitee_addresses').where('assessment_id', 'in', assessmentIds).executeTakeFirst();
    return Number(r.numDeletedRows);
  };
  if (isPostgres(db)) return db.transaction().execute(remove);
  // One connection throughout, so the pragma is in force for exactly these statements.
  return db.connection().execute(async (conn) => {
    await sql`PRAGMA secure_delete = ON`.execute(conn);
    try {
      const deleted = await conn.transaction().execute(remove);
      // Always: earlier page images in the log may hold addresses even when none were left to delete now.
      if (await truncateWal(conn)) logToEmpty.delete(db);
      else logToEmpty.add(db);
      return deleted;
    } finally {
      await sql`PRAGMA secure_delete = OFF`.execute(conn);
    }
  });
}

/** Databases whose log could not be emptied after addresses were deleted (a long reader, such as a backup). */
const logToEmpty = new WeakSet<Db>();

/** Tries again to empty a log that still may hold deleted addresses; the mail sender calls this on each sweep. */
export async function emptyLogIfPending(db: Db): Promise<void> {
  if (!logToEmpty.has(db) || isPostgres(db)) return;
  const emptied = await db.connection().execute((conn) => truncateWal(conn));
  if (emptied) logToEmpty.delete(db);
}

/**
 * Copies the log into the database file and empties it; false when it stayed busy. Busy only while a
 * reader holds an older snapshot (the checkpoint thread's passes are short; a backup's is not). The
 * busy timeout is off meanwhile: the driver waits synchronously, which would stall every request.
 */
async function truncateWal(db: Db): Promise<boolean> {
  const { rows: before } = await sql<{ timeout: number }>`PRAGMA busy_timeout`.execute(db);
  const timeout = Number(before[0]?.timeout ?? 0);
  await sql`PRAGMA busy_timeout = 0`.execute(db);
  try {
    for (let i = 0; i < 20; i++) {
      const { rows } = await sql<{ busy: number }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
      if (!rows[0] || Number(rows[0].busy) === 0) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  } finally {
    await sql.raw(`PRAGMA busy_timeout = ${timeout}`).execute(db);
  }
}
