import type { AppDeps } from '../deps.js';
import { Invalid, NotFound } from '../domain/errors.js';
import { type Assessment, isClosed, type Organization, type User } from '../domain/records.js';
import { countParticipation, listAssessments } from '../repositories/assessments.js';
import { recordAudit } from '../repositories/audit.js';
import { assignConsultant, findOrganization, findOrganizationById, findOrganizationByName, insertOrganization, listOrganizations } from '../repositories/organizations.js';
import { findUserById } from '../repositories/users.js';
import { requireRole } from './access.js';

/** An organization the caller may see; another tenant's is indistinguishable from none (404). */
export async function organizationFor(deps: AppDeps, user: User, id: string): Promise<Organization> {
  const org = await findOrganization(deps.db, user, id);
  if (!org) throw new NotFound('Organization');
  return org;
}

export interface OrganizationRequest {
  nameFa: string;
  nameEn: string | null;
  sector: string | null;
  headcount: number | null;
}

/** Creates an organization (consultants and admins) and records who did. */
export async function createOrganization(deps: AppDeps, user: User, f: OrganizationRequest): Promise<Organization> {
  requireRole(user, 'consultant', 'admin');
  const now = deps.clock();
  const org = await insertOrganization(deps.db, { ...f, createdBy: user.id }, now);
  await recordAudit(deps.db, user, { action: 'organization.create', organizationId: org.id, targetType: 'organization', targetId: org.id }, now);
  return org;
}

/** The organizations the caller may see, oldest first. */
export async function organizationsFor(deps: AppDeps, user: User): Promise<Organization[]> {
  return listOrganizations(deps.db, user);
}

/** The same, each with how many assessments it has (the dashboard's list). */
export async function organizationsWithAssessmentCounts(deps: AppDeps, user: User): Promise<Array<{ org: Organization; assessments: number }>> {
  const orgs = await listOrganizations(deps.db, user);
  return Promise.all(orgs.map(async (org) => ({ org, assessments: (await listAssessments(deps.db, org.id)).length })));
}

/** One organization with every assessment, its response counts and whether it is closed. */
export async function organizationWithAssessments(deps: AppDeps, user: User, id: string) {
  const org = await organizationFor(deps, user, id);
  const now = deps.clock();
  const assessments = await Promise.all(
    (await listAssessments(deps.db, org.id)).map(async (a) => ({ assessment: a, participation: await countParticipation(deps.db, a.id), closed: isClosed(a, now) })),
  );
  return { org, assessments };
}

/** Every assessment of an organization the caller may see, oldest first. */
export async function assessmentsOf(deps: AppDeps, user: User, orgId: string): Promise<Assessment[]> {
  const org = await organizationFor(deps, user, orgId);
  return listAssessments(deps.db, org.id);
}

/** The operator's lookup by Persian name, whoever may see it (the demo finds its own organization so). */
export async function findOrganizationNamed(deps: AppDeps, nameFa: string): Promise<Organization | undefined> {
  return findOrganizationByName(deps.db, nameFa);
}

/** Assigns a consultant to an organization (admin) and records it; assigning twice changes nothing. */
export async function assignConsultantTo(deps: AppDeps, admin: User, orgId: string, userId: string): Promise<void> {
  requireRole(admin, 'admin');
  if (!(await findOrganizationById(deps.db, orgId))) throw new NotFound('Organization');
  const user = await findUserById(deps.db, userId);
  if (!user || user.role !== 'consultant') throw new Invalid('Only a consultant can be assigned.', [{ path: 'userId', message: 'not a consultant' }]);
  await assignConsultant(deps.db, orgId, userId);
  await recordAudit(deps.db, admin, { action: 'organization.assign-consultant', organizationId: orgId, targetType: 'user', targetId: userId }, deps.clock());
}
