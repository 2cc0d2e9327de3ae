import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { Invitation } from '../db/tables.js';
import { generateToken, hashToken } from '../auth/tokens.js';

export interface InvitationRequest {
  role: 'manager' | 'staff';
  department: string | null;
  count: number;
}

/** Creates the invitations in one transaction; the plain tokens exist only in the return value. */
export async function createInvitations(
  db: Db,
  assessmentId: string,
  requests: InvitationRequest[],
  now: Date,
): Promise<Array<Invitation & { token: string }>> {
  const created: Array<Invitation & { token: string }> = [];
  for (const r of requests)
    for (let i = 0; i < r.count; i++) {
      const token = generateToken();
      created.push({
        id: randomUUID(),
        assessment_id: assessmentId,
        token_hash: hashToken(token),
        role: r.role,
        department: r.department,
        status: 'not_started',
        draft_answers: null,
        draft_comments: null,
        response_id: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        token,
      });
    }
  await db.transaction().execute(async (trx) => {
    // Chunked so a large batch stays under SQLite's bound-parameter limit.
    for (let i = 0; i < created.length; i += 500)
      await trx
        .insertInto('invitations')
        .values(created.slice(i, i + 500).map(({ token: _t, ...row }) => row))
        .execute();
  });
  return created;
}

export async function listInvitations(db: Db, assessmentId: string) {
  return db
    .selectFrom('invitations')
    .select(['id', 'role', 'department', 'status', 'created_at', 'updated_at'])
    .where('assessment_id', '=', assessmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findInvitationByToken(db: Db, token: string): Promise<Invitation | undefined> {
  return db.selectFrom('invitations').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
}
