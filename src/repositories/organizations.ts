import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { SelectQueryBuilder } from 'kysely';
import type { Database, Organization, User } from '../db/tables.js';
import type { OrganizationProfile } from '../domain/records.js';

/** The organizations a user may see: admin all, consultant those created or assigned, manager its own. */
function visibleTo(db: Db, user: User) {
  return restrictTo(db.selectFrom('organizations').selectAll('organizations'), user);
}

function restrictTo<Q extends SelectQueryBuilder<Database, 'organizations', any>>(q: Q, user: User): Q {
  if (user.role === 'consultant')
    return q.where((eb) =>
      eb.or([
        eb('organizations.created_by', '=', user.id),
        eb('organizations.id', 'in', eb.selectFrom('organization_consultants').select('organization_id').where('user_id', '=', user.id)),
      ]),
    ) as Q;
  if (user.role === 'manager') return q.where('organizations.id', '=', user.organization_id ?? '') as Q;
  return q;
}

/** The ids of the organizations a user may see, as a subquery. */
export function visibleOrganizationIds(db: Db, user: User) {
  return restrictTo(db.selectFrom('organizations').select('organizations.id'), user);
}

export async function listOrganizations(db: Db, user: User): Promise<Organization[]> {
  return visibleTo(db, user).orderBy('created_at').orderBy('id').execute();
}

export async function findOrganization(db: Db, user: User, id: string): Promise<Organization | undefined> {
  return visibleTo(db, user).where('organizations.id', '=', id).executeTakeFirst();
}

/** Any organization by id, whoever may see it (the admin's own checks, the operator's CLI). */
export async function findOrganizationById(db: Db, id: string): Promise<Organization | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The first organization with this Persian name (the demo finds its own organization by it). */
export async function findOrganizationByName(db: Db, nameFa: string): Promise<Organization | undefined> {
  return db.selectFrom('organizations').selectAll().where('name_fa', '=', nameFa).orderBy('created_at').executeTakeFirst();
}

/** What reports, respondent pages and report fingerprints show of an organization; it must exist. */
export async function readOrganizationProfile(db: Db, id: string): Promise<OrganizationProfile> {
  return db.selectFrom('organizations').select(['name_fa', 'name_en', 'sector', 'headcount']).where('id', '=', id).executeTakeFirstOrThrow();
}

export async function insertOrganization(
  db: Db,
  input: { nameFa: string; nameEn: string | null; sector: string | null; headcount: number | null; createdBy: string },
  now: Date,
): Promise<Organization> {
  const org: Organization = {
    id: randomUUID(),
    name_fa: input.nameFa,
    name_en: input.nameEn,
    sector: input.sector,
    headcount: input.headcount,
    created_by: input.createdBy,
    created_at: now.toISOString(),
  };
  await db.insertInto('organizations').values(org).execute();
  return org;
}

export async function assignConsultant(db: Db, organizationId: string, userId: string): Promise<void> {
  await db
    .insertInto('organization_consultants')
    .values({ organization_id: organizationId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function updateOrganization(db: Db, id: string, fields: Partial<Pick<Organization, 'name_fa' | 'name_en' | 'sector' | 'headcount'>>): Promise<void> {
  if (Object.keys(fields).length) await db.updateTable('organizations').set(fields).where('id', '=', id).execute();
}

/**
 * Removes an organization with everything under it (its assessments as deleteAssessmentRows does, its
 * departments and consultant assignments); the audit log keeps what was done. Run inside the caller's
 * transaction.
 */
export async function deleteOrganizationRows(db: Db, id: string, deleteAssessment: (db: Db, assessmentId: string) => Promise<void>): Promise<void> {
  const assessments = await db.selectFrom('assessments').select('id').where('organization_id', '=', id).execute();
  for (const a of assessments) await deleteAssessment(db, a.id);
  await db.deleteFrom('departments').where('organization_id', '=', id).execute();
  await db.deleteFrom('organization_consultants').where('organization_id', '=', id).execute();
  await db.deleteFrom('organizations').where('id', '=', id).execute();
}
