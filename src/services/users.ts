import type { AppDeps } from '../deps.js';
import { Conflict, Invalid, NotFound, Refused } from '../domain/errors.js';
import type { User } from '../domain/records.js';
import { recordAudit } from '../repositories/audit.js';
import { findOrganizationById } from '../repositories/organizations.js';
import { revokeUserSessions } from '../repositories/sessions.js';
import { inTransaction } from '../repositories/transactions.js';
import { createUser, findFirstAdmin, findUserById, findUserByToken, revokeUserToken, rotateUserToken, setAdminToken } from '../repositories/users.js';
import { generateToken } from '../auth/tokens.js';
import { requireRole } from './access.js';

/** The user a bearer token belongs to, or undefined for a token that is no one's (any more). */
export async function userByToken(deps: Pick<AppDeps, 'db'>, token: string): Promise<User | undefined> {
  return findUserByToken(deps.db, token);
}

export interface UserRequest {
  role: 'consultant' | 'manager';
  name: string;
  organizationId?: string;
}

/**
 * Creates a consultant or a manager (admin only) and records it; the token exists only in the return
 * value. A manager belongs to exactly one existing organization; consultants are assigned separately.
 */
export async function createUserAccount(deps: AppDeps, admin: User, f: UserRequest): Promise<{ user: User; token: string }> {
  requireRole(admin, 'admin');
  if (f.role === 'manager') {
    if (!f.organizationId) throw new Refused('A manager belongs to one organization.', [{ path: 'organizationId', message: 'required for a manager' }]);
    if (!(await findOrganizationById(deps.db, f.organizationId))) throw new Invalid('No such organization.', [{ path: 'organizationId', message: 'unknown organization' }]);
  } else if (f.organizationId)
    throw new Refused('Assign consultants with POST /organizations/{orgId}/consultants.', [{ path: 'organizationId', message: 'only for managers' }]);
  const now = deps.clock();
  const created = await createUser(deps.db, { role: f.role, name: f.name, organizationId: f.organizationId ?? null }, now);
  await recordAudit(deps.db, admin, { action: 'user.create', organizationId: created.user.organization_id, targetType: 'user', targetId: created.user.id, details: { role: created.user.role } }, now);
  return created;
}

/** The admin sees every user; anyone else only itself. Another user is 404, as for every tenant's data. */
async function visibleUser(deps: AppDeps, caller: User, id: string): Promise<User> {
  const user = caller.role === 'admin' || caller.id === id ? await findUserById(deps.db, id) : undefined;
  if (!user) throw new NotFound('User');
  return user;
}

/**
 * Gives a user a new token (the admin, or the user itself), returned once: the old one stops working at
 * once and the user's dashboard sessions end, all in one transaction with its audit entry.
 */
export async function rotateToken(deps: AppDeps, caller: User, id: string): Promise<{ user: User; token: string }> {
  const user = await visibleUser(deps, caller, id);
  const now = deps.clock();
  const token = await inTransaction(deps.db, async (trx) => {
    const fresh = await rotateUserToken(trx, user.id);
    await revokeUserSessions(trx, user.id, now);
    await recordAudit(trx, caller, { action: 'user.token.rotate', organizationId: user.organization_id, targetType: 'user', targetId: user.id }, now);
    return fresh;
  });
  return { user, token };
}

/** Withdraws a user's token and ends its sessions (admin only); an admin's token is rotated, never revoked. */
export async function revokeToken(deps: AppDeps, caller: User, id: string): Promise<void> {
  const user = await visibleUser(deps, caller, id);
  requireRole(caller, 'admin');
  if (user.role === 'admin') throw new Conflict("An admin's token cannot be revoked; rotate it instead.", 'admin');
  const now = deps.clock();
  await inTransaction(deps.db, async (trx) => {
    await revokeUserToken(trx, user.id);
    await revokeUserSessions(trx, user.id, now);
    await recordAudit(trx, caller, { action: 'user.token.revoke', organizationId: user.organization_id, targetType: 'user', targetId: user.id }, now);
  });
}

// The operator's tools (the demo, the report CLIs) act at the console, outside any request.

/** The first admin, whom the operator's tools act as; an error when the database has none. */
export async function operatorAdmin(deps: AppDeps): Promise<User> {
  const admin = await findFirstAdmin(deps.db);
  if (!admin) throw new Error('There is no admin user in this database.');
  return admin;
}

/** Issues a fresh admin token, returned once; the previous one stops working. */
export async function issueAdminToken(deps: AppDeps): Promise<string> {
  const token = generateToken();
  await setAdminToken(deps.db, token);
  return token;
}

/** A user made by the operator at the console (the demo's consultant): no request, so no audit actor. */
export async function createUserAsOperator(deps: AppDeps, f: { role: 'consultant' | 'manager'; name: string; organizationId: string | null }): Promise<{ user: User; token: string }> {
  return createUser(deps.db, f, deps.clock());
}
