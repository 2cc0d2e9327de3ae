import type { Kysely } from 'kysely';

// Frozen once released: never import application code here.
// Action plans: what was decided after an assessment, who owns it, by when, and what it should move.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('actions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('assessment_id', 'varchar(36)', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('recommendation_id', 'varchar(200)')
    // 'dimension' | 'section' | 'items'; target_ids holds the dimension, the section or the item ids joined by commas.
    .addColumn('target_kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('target_ids', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('actions_organization_idx').on('actions').columns(['organization_id', 'due_date']).execute();
  await db.schema.createIndex('actions_assessment_idx').on('actions').column('assessment_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('actions').execute();
}
