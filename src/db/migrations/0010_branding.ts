import type { Kysely } from 'kysely';

// Frozen once released: never import application code here.
// One row per consultant: the firm their reports are branded with. The logo is a PNG as base64 text, so the
// same schema runs on SQLite and PostgreSQL (at most 256 KiB of PNG, checked before it is stored).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('brandings')
    .addColumn('user_id', 'varchar(36)', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('firm_name_fa', 'text', (c) => c.notNull())
    .addColumn('firm_name_en', 'text', (c) => c.notNull())
    .addColumn('primary_color', 'varchar(7)', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('logo_png', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('brandings').execute();
}
