import type { Kysely } from 'kysely';

// Frozen once released: never import application code here.
// `release` numbers the snapshot a response first entered the figures with (1, 2, …); null until then.
// Membership is stamped on the rows, not derived from an order, so a snapshot never changes after the fact
// (on PostgreSQL a lower seq may commit after a higher one).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('responses').addColumn('release', 'integer').execute();
  await db.schema.createIndex('responses_release_idx').on('responses').columns(['assessment_id', 'release']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('responses_release_idx').execute();
  await db.schema.alterTable('responses').dropColumn('release').execute();
}
