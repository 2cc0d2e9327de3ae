import type { Db } from '../db/database.js';
import type { User } from '../db/tables.js';
import { generateToken, hashToken } from '../auth/tokens.js';

/** A session left unused this long ends; a stolen cookie from a forgotten browser does not live on. */
export const SESSION_IDLE_MS = 12 * 60 * 60_000;
/** However busy, a session ends this long after sign-in, so a cookie cannot be kept alive for ever. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60_000;
// Moving the expiry is a write; do it at most once a minute per session, not on every page.
const SLIDE_AFTER_MS = 60_000;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Starts a session for the user and returns the cookie value (256 random bits), which is shown only to
 * the browser; the database keeps its hash. The user's ended sessions are cleared out here, so the table
 * holds only live ones and those ended since the user's last sign-in.
 */
export async function createSession(db: Db, userId: string, now: Date, secret = generateToken()): Promise<string> {
  const t = now.getTime();
  await db.deleteFrom('sessions').where('user_id', '=', userId).where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('revoked_at', 'is not', null)])).execute();
  await db
    .insertInto('sessions')
    .values({ id: hashToken(secret), user_id: userId, created_at: now.toISOString(), expires_at: iso(t + Math.min(SESSION_IDLE_MS, SESSION_MAX_MS)), revoked_at: null })
    .execute();
  return secret;
}

/** The signed-in user of a live session (not revoked, not expired), moving its idle expiry forward. */
export async function findSessionUser(db: Db, secret: string, now: Date): Promise<User | undefined> {
  const id = hashToken(secret);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.created_at as session_created_at', 'sessions.expires_at as session_expires_at'])
    .where('sessions.id', '=', id)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_created_at: created, session_expires_at: expires, ...user } = row;
  const slid = Math.min(now.getTime() + SESSION_IDLE_MS, Date.parse(created) + SESSION_MAX_MS);
  if (slid - Date.parse(expires) >= SLIDE_AFTER_MS) await db.updateTable('sessions').set({ expires_at: iso(slid) }).where('id', '=', id).execute();
  return user;
}

export async function revokeSession(db: Db, secret: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now.toISOString() }).where('id', '=', hashToken(secret)).where('revoked_at', 'is', null).execute();
}

/** Ends every dashboard session of the user, e.g. when its token is rotated or revoked. */
export async function revokeUserSessions(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now.toISOString() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}
