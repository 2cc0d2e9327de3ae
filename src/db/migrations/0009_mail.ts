import type { Kysely } from 'kysely';

// Frozen once released: never import application code here.
// Email campaigns. Addresses live in a table of their own, keyed by invitation and joined to nothing the
// results, exports or lists read; they are deleted when the assessment closes. The outbox holds what to
// send and how it went, never an address or a message body: a message is composed from the address row
// when it is sent, so deleting that row leaves no address anywhere. An address row has no foreign key to
// its invitation on purpose: a revoked link's row must not go with it in an ordinary delete (which leaves
// the bytes in the file) but stay until the close deletes every address of the assessment securely.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('invitee_addresses')
    .addColumn('invitation_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'varchar(36)', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('lang', 'varchar(2)', (c) => c.notNull())
    // The link's token, so reminders can carry the same link; it goes with the address at close.
    .addColumn('token', 'varchar(100)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invitee_addresses_email_idx').on('invitee_addresses').columns(['assessment_id', 'email']).execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'varchar(36)', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('invitation_id', 'varchar(36)', (c) => c.notNull().references('invitations.id').onDelete('cascade'))
    // 'invitation' | 'reminder'
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    // The consultant's note on a reminder (their own words, the same for every recipient).
    .addColumn('note', 'text')
    // 'queued' | 'sent' | 'failed' | 'cancelled'
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // While queued: when it may next be tried (a claimed message is pushed past its sending time).
    .addColumn('next_attempt_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('mail_outbox_due_idx').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('mail_outbox_assessment_idx').on('mail_outbox').columns(['assessment_id', 'status']).execute();

  // A reminder the sender sends by itself `days_before` days before the closing date, once (`sent_at`).
  await db.schema
    .createTable('mail_schedules')
    .addColumn('assessment_id', 'varchar(36)', (c) => c.primaryKey().references('assessments.id').onDelete('cascade'))
    .addColumn('days_before', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    // Who asked for it: the audit entry of the sending names them.
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_role', 'varchar(16)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(32)')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_schedules').execute();
  await db.schema.dropTable('mail_outbox').execute();
  await db.schema.dropTable('invitee_addresses').execute();
}
