import type { AppDeps } from '../deps.js';
import { Invalid, NotFound } from '../domain/errors.js';
import type { User } from '../domain/records.js';
import { recordAudit } from '../repositories/audit.js';
import { type Department, deleteDepartment, findDepartmentByName, insertDepartment, listDepartments } from '../repositories/departments.js';
import { requireWriter } from './access.js';
import { organizationFor } from './organizations.js';

export type { Department };

/** Most departments one organization may list: a select with more would not be a choice any more. */
export const MAX_DEPARTMENTS = 200;

/** The departments of an organization the caller may see, by name. */
export async function departmentsOf(deps: AppDeps, user: User, orgId: string): Promise<Department[]> {
  const org = await organizationFor(deps, user, orgId);
  return (await listDepartments(deps.db, org.id)).sort((a, b) => byName.compare(a.name, b.name));
}

// Persian alphabetical order (پ after ب, not after every Arabic letter as code points would put it).
const byName = new Intl.Collator('fa');

/**
 * Adds a department to an organization's list (writers only) and records who did. The name arrives already
 * normalized (src/text.ts), so "فروش" typed with an Arabic ي or trailing space is the same department; a
 * name already listed is refused (422 naming `name`) rather than split into two groups.
 */
export async function addDepartment(deps: AppDeps, user: User, orgId: string, name: string): Promise<Department> {
  const org = await organizationFor(deps, user, orgId);
  requireWriter(user);
  if (await findDepartmentByName(deps.db, org.id, name)) throw new Invalid('This department is already listed.', [{ path: 'name', message: 'already listed' }]);
  if ((await listDepartments(deps.db, org.id)).length >= MAX_DEPARTMENTS)
    throw new Invalid(`An organization may list at most ${MAX_DEPARTMENTS} departments.`, [{ path: 'name', message: `at most ${MAX_DEPARTMENTS} departments` }]);
  const now = deps.clock();
  const d = await insertDepartment(deps.db, org.id, name, now);
  await recordAudit(deps.db, user, { action: 'department.create', organizationId: org.id, targetType: 'department', targetId: d.id, details: { name } }, now);
  return d;
}

/**
 * Takes a department off the list. Links already made for it keep their department, so results stay grouped
 * as they were answered; it is only no longer offered for new links.
 */
export async function removeDepartment(deps: AppDeps, user: User, orgId: string, departmentId: string): Promise<Department> {
  const org = await organizationFor(deps, user, orgId);
  requireWriter(user);
  const d = await deleteDepartment(deps.db, org.id, departmentId);
  if (!d) throw new NotFound('Department');
  await recordAudit(deps.db, user, { action: 'department.delete', organizationId: org.id, targetType: 'department', targetId: d.id, details: { name: d.name } }, deps.clock());
  return d;
}

/** Whether a department is on the organization's list (the dashboard's links form accepts only those). */
export async function isListedDepartment(deps: AppDeps, orgId: string, name: string): Promise<boolean> {
  return Boolean(await findDepartmentByName(deps.db, orgId, name));
}
