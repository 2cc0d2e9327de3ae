import type { AppDeps } from '../deps.js';
import type { User } from '../domain/records.js';
import { createSession, findSessionUser, revokeSession } from '../repositories/sessions.js';
import { findUserByToken } from '../repositories/users.js';

// The dashboard's sign-in: the API token is exchanged once for a session of its own (repositories/sessions.ts).

/** Signs in with an API token: the new session's secret for the cookie, or undefined for a token that is no one's. */
export async function signIn(deps: AppDeps, token: string): Promise<string | undefined> {
  const user = await findUserByToken(deps.db, token);
  return user && createSession(deps.db, user.id, deps.clock());
}

/** The signed-in user of a live session, moving its idle expiry forward; undefined when it ended. */
export async function sessionUser(deps: AppDeps, secret: string): Promise<User | undefined> {
  return findSessionUser(deps.db, secret, deps.clock());
}

export async function signOut(deps: AppDeps, secret: string): Promise<void> {
  await revokeSession(deps.db, secret, deps.clock());
}
