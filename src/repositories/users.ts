import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { User, UserTable } from '../db/tables.js';
import { generateToken, hashToken } from '../auth/tokens.js';

export async function findUserByToken(db: Db, token: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The first admin (by creation), the one the operator's tools act as. */
export async function findFirstAdmin(db: Db): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('role', '=', 'admin').orderBy('created_at').orderBy('id').executeTakeFirst();
}

/** Gives every admin this token (the demo issues one when the first was shown only once and is gone). */
export async function setAdminToken(db: Db, token: string): Promise<void> {
  await db.updateTable('users').set({ token_hash: hashToken(token) }).where('role', '=', 'admin').execute();
}

export async function createUser(
  db: Db,
  input: { role: UserTable['role']; name: string; organizationId: string | null; token?: string },
  now: Date,
): Promise<{ user: User; token: string }> {
  const token = input.token ?? generateToken();
  const user: User = {
    id: randomUUID(),
    role: input.role,
    name: input.name,
    token_hash: hashToken(token),
    organization_id: input.organizationId,
    created_at: now.toISOString(),
  };
  await db.insertInto('users').values(user).execute();
  return { user, token };
}

/**
 * With MEHVAR_ADMIN_TOKEN set, that token is the admin's (replacing any earlier one). Without it, an admin
 * is created once with a fresh token that the caller prints exactly once; later starts print nothing.
 */
export async function ensureAdmin(db: Db, configuredToken: string | undefined, now: Date): Promise<{ createdToken?: string }> {
  const admin = await db.selectFrom('users').selectAll().where('role', '=', 'admin').orderBy('created_at').executeTakeFirst();
  if (configuredToken) {
    if (admin) await db.updateTable('users').set({ token_hash: hashToken(configuredToken) }).where('id', '=', admin.id).execute();
    else
      // Two instances starting together on an empty database both get here; the unique token hash lets
      // the second insert simply do nothing.
      await db
        .insertInto('users')
        .values({ id: randomUUID(), role: 'admin', name: 'Administrator', token_hash: hashToken(configuredToken), organization_id: null, created_at: now.toISOString() })
        .onConflict((oc) => oc.column('token_hash').doNothing())
        .execute();
    return {};
  }
  if (admin) return {};
  const { token } = await createUser(db, { role: 'admin', name: 'Administrator', organizationId: null }, now);
  return { createdToken: token };
}

/** Gives the user a new token, returned once; the old one stops working at once. */
export async function rotateUserToken(db: Db, userId: string): Promise<string> {
  const token = generateToken();
  await db.updateTable('users').set({ token_hash: hashToken(token) }).where('id', '=', userId).execute();
  return token;
}

/**
 * Withdraws the user's token without removing the user (its organizations and audit entries keep their
 * author). The stored value is not a SHA-256 hex digest, so no token can ever hash to it, and it stays
 * unique as the column requires.
 */
export async function revokeUserToken(db: Db, userId: string): Promise<void> {
  await db.updateTable('users').set({ token_hash: `revoked:${randomUUID()}` }).where('id', '=', userId).execute();
}
