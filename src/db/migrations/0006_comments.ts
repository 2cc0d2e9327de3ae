import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';

// Frozen once released: never import application code here.
// Comments live apart from the row of answers, with nothing that joins them to it: no response id, no
// time, and (once released) only the role and department their release may show.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('comments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'varchar(36)', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
    .addColumn('section', 'varchar(100)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('role', 'varchar(16)')
    .addColumn('department', 'varchar(200)')
    .addColumn('release', 'integer')
    .execute();
  await db.schema.createIndex('comments_release_idx').on('comments').columns(['assessment_id', 'release']).execute();
  // Comments stored on the response rows so far move here and leave those rows.
  const rows = await db.selectFrom('responses').select(['assessment_id', 'role', 'department', 'comments', 'release']).where('comments', 'is not', null).execute();
  for (const r of rows as Array<{ assessment_id: string; role: string; department: string | null; comments: string; release: number | null }>) {
    const bySection = JSON.parse(r.comments) as Record<string, string>;
    for (const [section, text] of Object.entries(bySection))
      // Already released: shown without role or department (labels cannot be computed here); waiting: the
      // next release labels it like its response.
      if (text)
        await db
          .insertInto('comments')
          .values({ id: randomUUID(), assessment_id: r.assessment_id, section, text, role: r.release === null ? r.role : null, department: r.release === null ? r.department : null, release: r.release })
          .execute();
  }
  await db.updateTable('responses').set({ comments: null }).where('comments', 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('comments').execute();
}
