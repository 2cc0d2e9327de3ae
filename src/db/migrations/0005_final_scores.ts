import type { Kysely } from 'kysely';

// Frozen once released: never import application code here.
// A closed assessment's final figures never change, so its headline scores are stored once: comparing
// with 1,000 peer organizations then reads 1,000 short rows instead of scoring 1,000 assessments.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('final_scores')
    .addColumn('assessment_id', 'varchar(36)', (c) => c.primaryKey().references('assessments.id').onDelete('cascade'))
    .addColumn('in_figures', 'integer', (c) => c.notNull())
    .addColumn('overall', 'double precision')
    .addColumn('culture', 'double precision')
    .addColumn('process', 'double precision')
    .addColumn('interaction', 'double precision')
    .addColumn('computed_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  // Peers are the assessments of one questionnaire version.
  await db.schema.createIndex('assessments_questionnaire_idx').on('assessments').columns(['questionnaire_id', 'questionnaire_version']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assessments_questionnaire_idx').execute();
  await db.schema.dropTable('final_scores').execute();
}
