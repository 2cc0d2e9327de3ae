import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen once released: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('organization_id', 'varchar(36)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name_fa', 'varchar(300)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(300)')
    .addColumn('sector', 'varchar(200)')
    .addColumn('headcount', 'integer')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organization_consultants')
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('organization_consultants_pk', ['organization_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id'))
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('questionnaire_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('questionnaire_version', 'integer', (c) => c.notNull())
    .addColumn('questionnaire_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('anonymity_threshold', 'integer', (c) => c.notNull())
    .addColumn('target_culture', 'double precision')
    .addColumn('target_process', 'double precision')
    .addColumn('target_interaction', 'double precision')
    .addColumn('closes_at', 'varchar(32)')
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessments_org_idx').on('assessments').column('organization_id').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'varchar(36)', (c) => c.notNull().references('assessments.id'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('department', 'varchar(200)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('draft_answers', 'text')
    .addColumn('draft_comments', 'text')
    .addColumn('response_id', 'varchar(36)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invitations_assessment_idx').on('invitations').column('assessment_id').execute();

  // Submission order. SQLite's autoincrement has no PostgreSQL spelling; an identity column is the standard one
  // ("by default" so a copy from SQLite can keep the original numbers).
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('responses')
    .addColumn('seq', 'integer', (c) => (postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('id', 'varchar(36)', (c) => c.notNull().unique())
    .addColumn('assessment_id', 'varchar(36)', (c) => c.notNull().references('assessments.id'))
    .addColumn('invitation_id', 'varchar(36)', (c) => c.unique().references('invitations.id'))
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('department', 'varchar(200)')
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('comments', 'text')
    .addColumn('source', 'varchar(16)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('responses_assessment_idx').on('responses').column('assessment_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['responses', 'invitations', 'assessments', 'organization_consultants', 'organizations', 'users'])
    await db.schema.dropTable(t).execute();
}
