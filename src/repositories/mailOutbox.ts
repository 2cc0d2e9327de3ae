import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { MailOutboxTable, MailScheduleTable } from '../db/tables.js';

// The durable queue of invitations and reminders. A row says what to send to which invitation and how
// sending went; the address and the message are read and composed only when it is sent.

export type OutboxRow = MailOutboxTable;
export type OutboxStatus = OutboxRow['status'];

export interface NewMail {
  assessmentId: string;
  invitationId: string;
  kind: OutboxRow['kind'];
  note?: string | null;
}

export async function enqueueMail(db: Db, mails: NewMail[], now: Date): Promise<string[]> {
  const at = now.toISOString();
  const rows: OutboxRow[] = mails.map((m) => ({
    id: randomUUID(),
    assessment_id: m.assessmentId,
    invitation_id: m.invitationId,
    kind: m.kind,
    note: m.note ?? null,
    status: 'queued',
    attempts: 0,
    next_attempt_at: at,
    last_error: null,
    created_at: at,
    finished_at: null,
  }));
  for (let i = 0; i < rows.length; i += 300) await db.insertInto('mail_outbox').values(rows.slice(i, i + 300)).execute();
  return rows.map((r) => r.id);
}

/**
 * Takes up to `limit` due messages for this sender: each is pushed to `leaseUntil` and counted as an
 * attempt by a conditional update, so two instances never take the same one, and a sender that dies
 * mid-way leaves its messages to be taken again once the lease has passed.
 */
export async function claimDue(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<OutboxRow[]> {
  const due = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  const claimed: OutboxRow[] = [];
  for (const row of due) {
    const r = await db
      .updateTable('mail_outbox')
      .set({ next_attempt_at: leaseUntil.toISOString(), attempts: row.attempts + 1 })
      .where('id', '=', row.id)
      .where('status', '=', 'queued')
      .where('next_attempt_at', '=', row.next_attempt_at)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) claimed.push({ ...row, attempts: row.attempts + 1 });
  }
  return claimed;
}

export async function markSent(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('mail_outbox').set({ status: 'sent', last_error: null, finished_at: now.toISOString() }).where('id', '=', id).execute();
}

/** Given up: refused for good, tried too often, or nothing left to send to (`cancelled`). */
export async function markFinished(db: Db, id: string, status: 'failed' | 'cancelled', error: string, now: Date): Promise<void> {
  await db.updateTable('mail_outbox').set({ status, last_error: error, finished_at: now.toISOString() }).where('id', '=', id).execute();
}

export async function retryLater(db: Db, id: string, at: Date, error: string): Promise<void> {
  await db.updateTable('mail_outbox').set({ next_attempt_at: at.toISOString(), last_error: error }).where('id', '=', id).where('status', '=', 'queued').execute();
}

export async function outboxStatuses(db: Db, ids: string[]): Promise<Map<string, Pick<OutboxRow, 'status' | 'last_error' | 'attempts'>>> {
  const out = new Map<string, Pick<OutboxRow, 'status' | 'last_error' | 'attempts'>>();
  for (let i = 0; i < ids.length; i += 400) {
    const rows = await db.selectFrom('mail_outbox').select(['id', 'status', 'last_error', 'attempts']).where('id', 'in', ids.slice(i, i + 400)).execute();
    for (const { id, ...r } of rows) out.set(id, r);
  }
  return out;
}

export type OutboxCounts = Record<OutboxStatus, number>;

/** How many of an assessment's messages are in each state, per kind. */
export async function outboxCounts(db: Db, assessmentId: string): Promise<Record<OutboxRow['kind'], OutboxCounts>> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['kind', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('assessment_id', '=', assessmentId)
    .groupBy(['kind', 'status'])
    .execute();
  const empty = (): OutboxCounts => ({ queued: 0, sent: 0, failed: 0, cancelled: 0 });
  const out = { invitation: empty(), reminder: empty() };
  for (const r of rows) out[r.kind][r.status] = Number(r.n);
  return out;
}

/** What a message to one invitation is composed from; undefined once its address or its link is gone. */
export async function envelopeOf(db: Db, invitationId: string) {
  return db
    .selectFrom('invitee_addresses')
    .innerJoin('invitations', 'invitations.id', 'invitee_addresses.invitation_id')
    .innerJoin('assessments', 'assessments.id', 'invitee_addresses.assessment_id')
    .innerJoin('organizations', 'organizations.id', 'assessments.organization_id')
    .select(['invitee_addresses.email', 'invitee_addresses.lang', 'invitee_addresses.token', 'assessments.closes_at', 'assessments.closed_at', 'organizations.name_fa', 'organizations.name_en'])
    .where('invitee_addresses.invitation_id', '=', invitationId)
    .executeTakeFirst();
}

export type ReminderSchedule = Pick<MailScheduleTable, 'days_before' | 'note' | 'sent_at'>;

export async function findReminderSchedule(db: Db, assessmentId: string): Promise<ReminderSchedule | undefined> {
  return db.selectFrom('mail_schedules').select(['days_before', 'note', 'sent_at']).where('assessment_id', '=', assessmentId).executeTakeFirst();
}

/** Sets (or replaces, to be sent afresh) an assessment's scheduled reminder; null removes it. */
export async function saveReminderSchedule(db: Db, assessmentId: string, schedule: Omit<MailScheduleTable, 'assessment_id' | 'sent_at'> | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('mail_schedules').where('assessment_id', '=', assessmentId).execute();
    if (schedule) await trx.insertInto('mail_schedules').values({ assessment_id: assessmentId, ...schedule, sent_at: null }).execute();
  });
}

/** Scheduled reminders not yet sent, of open assessments with a closing date. */
export async function pendingSchedules(db: Db) {
  return db
    .selectFrom('mail_schedules')
    .innerJoin('assessments', 'assessments.id', 'mail_schedules.assessment_id')
    .select(['mail_schedules.assessment_id', 'mail_schedules.days_before', 'mail_schedules.note', 'mail_schedules.created_by', 'mail_schedules.created_role', 'assessments.organization_id', 'assessments.closes_at'])
    .where('mail_schedules.sent_at', 'is', null)
    .where('assessments.closed_at', 'is', null)
    .where('assessments.closes_at', 'is not', null)
    .execute();
}

/** Marks a schedule sent; false when another sender got there first (several instances). */
export async function claimSchedule(db: Db, assessmentId: string, now: Date): Promise<boolean> {
  const r = await db.updateTable('mail_schedules').set({ sent_at: now.toISOString() }).where('assessment_id', '=', assessmentId).where('sent_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
