import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { DepartmentTable } from '../db/tables.js';

export type Department = DepartmentTable;

/** An organization's departments in the order a reader looks for them: by name. */
export async function listDepartments(db: Db, organizationId: string): Promise<Department[]> {
  return db.selectFrom('departments').selectAll().where('organization_id', '=', organizationId).orderBy('name').orderBy('id').execute();
}

export async function findDepartmentByName(db: Db, organizationId: string, name: string): Promise<Department | undefined> {
  return db.selectFrom('departments').selectAll().where('organization_id', '=', organizationId).where('name', '=', name).executeTakeFirst();
}

export async function insertDepartment(db: Db, organizationId: string, name: string, now: Date): Promise<Department> {
  const row: Department = { id: randomUUID(), organization_id: organizationId, name, created_at: now.toISOString() };
  await db.insertInto('departments').values(row).execute();
  return row;
}

/** Removes one department of this organization; whether there was one. */
export async function deleteDepartment(db: Db, organizationId: string, id: string): Promise<Department | undefined> {
  const row = await db.selectFrom('departments').selectAll().where('organization_id', '=', organizationId).where('id', '=', id).executeTakeFirst();
  if (row) await db.deleteFrom('departments').where('id', '=', id).execute();
  return row;
}
