import type { AppDeps } from '../deps.js';
import { Invalid, NotFound } from '../domain/errors.js';
import { type Assessment, isClosed, type Organization, type User } from '../domain/records.js';
import { countParticipation, listAssessments } from '../repositories/assessments.js';
import { recordAudit } from '../repositories/audit.js';
import { assignConsultant, deleteOrganizationRows, findOrganization, findOrganizationById, findOrganizationByName, insertOrganization, listOrganizations, updateOrganization } from '../repositories/organizations.js';
import { deleteAssessmentRows } from '../repositories/assessments.js';
import { destroyOrganizationAddresses } from '../repositories/inviteeAddresses.js';
import { inTransaction } from '../repositories/transactions.js';
import { findUserById } from '../repositories/users.js';
import { requireRole, requireWriter } from './access.js';
import { cleanUserText } from '../text.js';

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

/** What an edit may change; a field left out stays as it is, null clears an optional one. */
export type OrganizationChanges = Partial<OrganizationRequest>;

/** Edits an organization (writers) and records which fields changed. */
export async function editOrganization(deps: AppDeps, user: User, id: string, f: OrganizationChanges): Promise<Organization> {
  const org = await organizationFor(deps, user, id);
  requireWriter(user);
  const fields: Partial<Pick<Organization, 'name_fa' | 'name_en' | 'sector' | 'headcount'>> = {};
  if (f.nameFa !== undefined && f.nameFa !== org.name_fa) fields.name_fa = f.nameFa;
  if (f.nameEn !== undefined && f.nameEn !== org.name_en) fields.name_en = f.nameEn;
  if (f.sector !== undefined && f.sector !== org.sector) fields.sector = f.sector;
  if (f.headcount !== undefined && f.headcount !== org.headcount) fields.headcount = f.headcount;
  const changed = Object.keys(fields);
  if (!changed.length) return org;
  const now = deps.clock();
  await inTransaction(deps.db, async (trx) => {
    await updateOrganization(trx, org.id, fields);
    await recordAudit(trx, user, { action: 'organization.update', organizationId: org.id, targetType: 'organization', targetId: org.id, details: { changed } }, now);
  });
  return { ...org, ...fields };
}

/**
 * Deletes an organization with its assessments, links and responses (writers). While none of its
 * assessments has a submitted response this needs nothing more; once answers exist, `confirmName` must be
 * the organization's Persian or English name as shown, so one stray click cannot destroy them (422 naming
 * `confirm` otherwise). The audit log keeps the deletion.
 */
export async function deleteOrganization(deps: AppDeps, user: User, id: string, confirmName?: string): Promise<Organization> {
  const org = await organizationFor(deps, user, id);
  requireWriter(user);
  const submitted = (await Promise.all((await listAssessments(deps.db, org.id)).map((a) => countParticipation(deps.db, a.id)))).reduce((n, p) => n + p.submitted, 0);
  if (submitted > 0 && !namesMatch(confirmName, [org.name_fa, org.name_en]))
    throw new Invalid('This organization has submitted responses; type its name to confirm the deletion.', [{ path: 'confirm', message: 'must be the organization\'s name' }], 'confirmName');
  const now = deps.clock();
  // Email addresses first and beyond recovery (repositories/inviteeAddresses.ts).
  await destroyOrganizationAddresses(deps.db, org.id, now);
  await inTransaction(deps.db, async (trx) => {
    await deleteOrganizationRows(trx, org.id, deleteAssessmentRows);
    await recordAudit(trx, user, { action: 'organization.delete', organizationId: org.id, targetType: 'organization', targetId: org.id, details: { name: org.name_fa, submitted } }, now);
  });
  return org;
}

/** A typed confirmation matches a name when equal after trimming (the text rules already normalized it). */
export function namesMatch(typed: string | undefined, names: Array<string | null>): boolean {
  // Typed the way names were stored: Arabic ي/ك made Persian, spaces and zero-width characters trimmed.
  const cleaned = typed === undefined ? undefined : cleanUserText(typed, { max: 600 });
  const t = cleaned?.ok ? cleaned.text : undefined;
  return Boolean(t) && names.some((n) => n !== null && n.trim() === t);
}
