import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, User } from '../db/tables.js';

export interface AuditEntry {
  action: string;
  organizationId: string | null;
  targetType: string;
  targetId: string | null;
  details?: Record<string, unknown>;
}

/** Who did what, for consultant and admin actions. Details never hold tokens or answers. */
export async function recordAudit(db: Kysely<Database>, actor: Pick<User, 'id' | 'role'>, entry: AuditEntry, now: Date): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: randomUUID(),
      at: now.toISOString(),
      actor_id: actor.id,
      actor_role: actor.role,
      action: entry.action,
      organization_id: entry.organizationId,
      target_type: entry.targetType,
      target_id: entry.targetId,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}

export async function listAudit(db: Kysely<Database>, filter: { organizationId?: string; limit: number; before?: string }) {
  let q = db.selectFrom('audit_events').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit);
  if (filter.organizationId) q = q.where('organization_id', '=', filter.organizationId);
  if (filter.before) q = q.where('at', '<', filter.before);
  return q.execute();
}
