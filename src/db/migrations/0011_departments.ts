import type { Kysely } from 'kysely';

// Frozen once released: never import application code here.
// An organization's departments, kept as a list the dashboard picks from: a department typed afresh for
// every batch of links split one group into two at the first typo ("فروش" and "فروش ").
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('departments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('organization_id', 'varchar(36)', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('departments_org_name_idx').on('departments').columns(['organization_id', 'name']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('departments').execute();
}
