import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/tables.js';
import type { Label } from '../domain/anonymity.js';

/** Stores a submission's comments (already scrubbed), apart from its answers: nothing joins the two. */
export async function insertComments(
  trx: Kysely<Database>,
  assessmentId: string,
  who: { role: 'manager' | 'staff'; department: string | null },
  comments: Record<string, string>,
): Promise<void> {
  const rows = Object.entries(comments)
    .filter(([, text]) => text !== '')
    .map(([section, text]) => ({ id: randomUUID(), assessment_id: assessmentId, section, text, role: who.role, department: who.department, release: null }));
  if (rows.length) await trx.insertInto('comments').values(rows).execute();
}

/**
 * Moves the waiting comments into a release, replacing each one's role and department with the label its
 * respondent's cell got in that release (domain/anonymity.ts labelRelease): from then on the row holds
 * nothing finer than what the release may show. A comment whose cell is not in the release shows neither.
 */
export async function releaseComments(
  trx: Kysely<Database>,
  assessmentId: string,
  release: number,
  labelOf: (who: { role: 'manager' | 'staff'; department: string | null }) => Label,
): Promise<void> {
  const pending = await trx.selectFrom('comments').select(['id', 'role', 'department']).where('assessment_id', '=', assessmentId).where('release', 'is', null).execute();
  const byLabel = new Map<string, { label: Label; ids: string[] }>();
  for (const c of pending) {
    const label = c.role ? labelOf({ role: c.role, department: c.department }) : { role: null, department: null };
    const key = `${label.role}\u0000${label.department}`;
    const group = byLabel.get(key) ?? byLabel.set(key, { label, ids: [] }).get(key)!;
    group.ids.push(c.id);
  }
  for (const { label, ids } of byLabel.values())
    for (let i = 0; i < ids.length; i += 500)
      await trx
        .updateTable('comments')
        .set({ release, role: label.role, department: label.department })
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
}

export interface ReleasedComment {
  id: string;
  section: string;
  text: string;
  role: 'manager' | 'staff' | null;
  department: string | null;
}

/** The comments in the figures (released), in no particular order: callers order them. */
export async function listReleasedComments(db: Db, assessmentId: string): Promise<ReleasedComment[]> {
  return db.selectFrom('comments').select(['id', 'section', 'text', 'role', 'department']).where('assessment_id', '=', assessmentId).where('release', 'is not', null).execute();
}
