import type { Context } from 'hono';
import type { Db } from '../db/database.js';
import type { User } from '../db/tables.js';
import { AppError } from '../errors.js';
import { findUserByToken } from '../repositories/users.js';

export async function requireUser(db: Db, c: Context): Promise<User> {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S{16,200})\s*$/i.exec(header);
  if (!match) throw new AppError(401, 'Send a bearer token: "Authorization: Bearer <token>".');
  const user = await findUserByToken(db, match[1]);
  if (!user) throw new AppError(401, 'The bearer token is not valid.');
  return user;
}

export function requireRole(user: User, ...roles: User['role'][]): void {
  if (!roles.includes(user.role)) throw new AppError(403, `This action needs the role ${roles.join(' or ')}; you are ${user.role}.`);
}
