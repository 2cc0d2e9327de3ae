import { randomInt, randomUUID } from 'node:crypto';
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
 * The comments are written again, with fresh random ids, in a random order: rows are stored in the order
 * they are written (SQLite's rowid, PostgreSQL's heap), and as submitted the n-th comments were the n-th
 * response's and one respondent's comments sat side by side. Within a release that order says nothing.
 */
export async function releaseComments(
  trx: Kysely<Database>,
  assessmentId: string,
  release: number,
  labelOf: (who: { role: 'manager' | 'staff'; department: string | null }) => Label,
): Promise<void> {
  const pending = await trx.selectFrom('comments').select(['id', 'section', 'text', 'role', 'department']).where('assessment_id', '=', assessmentId).where('release', 'is', null).execute();
  if (pending.length === 0) return;
  const rows = pending.map((c) => {
    const label = c.role ? labelOf({ role: c.role, department: c.department }) : { role: null, department: null };
    return { id: randomUUID(), assessment_id: assessmentId, section: c.section, text: c.text, role: label.role, department: label.department, release };
  });
  // Fisher–Yates with a cryptographic source: the order must not be guessable from the ids either.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  const ids = pending.map((c) => c.id);
  for (let i = 0; i < ids.length; i += 500) await trx.deleteFrom('comments').where('id', 'in', ids.slice(i, i + 500)).execute();
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('comments').values(rows.slice(i, i + 500)).execute();
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
