import { Forbidden } from '../domain/errors.js';
import type { User } from '../domain/records.js';

// Who may do what, checked once here for the API, the dashboard and the CLI alike.

/** Managers read; consultants and admins also write. */
export function requireWriter(user: Pick<User, 'role'>): void {
  if (user.role === 'manager') throw new Forbidden('Managers have read-only access.', 'readOnly');
}

/** Only these roles may do it; a manager refused is told its access is read-only. */
export function requireRole(user: Pick<User, 'role'>, ...roles: User['role'][]): void {
  if (!roles.includes(user.role))
    throw new Forbidden(`This action needs the role ${roles.join(' or ')}; you are ${user.role}.`, user.role === 'manager' ? 'readOnly' : 'role');
}
