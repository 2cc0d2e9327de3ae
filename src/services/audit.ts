import type { AppDeps } from '../deps.js';
import { Refused } from '../domain/errors.js';
import type { AuditEvent, User } from '../domain/records.js';
import { listAudit } from '../repositories/audit.js';
import { requireRole } from './access.js';
import { organizationFor } from './organizations.js';

/** Who did what, newest first: the admin reads everything, a consultant one of its organizations at a time. */
export async function auditEventsFor(deps: AppDeps, user: User, query: { organizationId?: string; limit: number; before?: string }): Promise<AuditEvent[]> {
  requireRole(user, 'admin', 'consultant');
  if (user.role === 'consultant') {
    if (!query.organizationId)
      throw new Refused('Consultants read the audit log of one organization at a time.', [{ path: 'query.organizationId', message: 'required' }]);
    await organizationFor(deps, user, query.organizationId);
  }
  return listAudit(deps.db, query);
}
