import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen once released: never import application code here.
// A customer survey beside an assessment: its shareable link, single-use links and the customers' answers.
// Customer answers live in a table of their own, apart from staff responses, with nothing that joins them
// to an invitation or to the single-use link they came through (a link only knows whether it was used).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customer_surveys')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'varchar(36)', (c) => c.notNull().unique().references('assessments.id').onDelete('cascade'))
    // The shareable link is printed on receipts and posters: public by design, so kept to be shown again.
    .addColumn('token', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('questionnaire_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('questionnaire_version', 'integer', (c) => c.notNull())
    .addColumn('questionnaire_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('closes_at', 'varchar(32)')
    .addColumn('created_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customer_links')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('survey_id', 'varchar(36)', (c) => c.notNull().references('customer_surveys.id').onDelete('cascade'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('customer_responses')
    .addColumn('seq', 'integer', (c) => (postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('id', 'varchar(36)', (c) => c.notNull().unique())
    .addColumn('survey_id', 'varchar(36)', (c) => c.notNull().references('customer_surveys.id').onDelete('cascade'))
    .addColumn('answers', 'text', (c) => c.notNull())
    // The day only: a time of day could be matched against a customer's visit.
    .addColumn('submitted_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('release', 'integer')
    .execute();
  await db.schema.createIndex('customer_responses_survey_idx').on('customer_responses').columns(['survey_id', 'release']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['customer_responses', 'customer_links', 'customer_surveys']) await db.schema.dropTable(t).execute();
}
