import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, idString, jsonResponse, problemResponse } from '../http/router.js';
import { AuditLog } from '../http/schemas/audit.js';
import { auditEventsFor } from '../services/audit.js';

export function auditRoutes(deps: AppDeps) {
  const r = createRouter();
  r.openapi(
    createRoute({
      method: 'get', path: '/audit', tags: ['Audit'],
      summary: 'Who created, closed, imported, exported and downloaded what (admin: everything; consultant: one organization)', security: bearer,
      operationId: 'listAuditEvents',
      request: {
        query: z.object({
          organizationId: idString.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          before: z.iso.datetime().optional().openapi({ description: 'Page backwards: events strictly before this time' }),
        }),
      },
      responses: {
        200: jsonResponse(AuditLog, 'The events, newest first'),
        ...commonErrors,
        400: problemResponse('Invalid query, or a consultant without organizationId'),
        403: problemResponse('Managers cannot read the audit log'),
        404: problemResponse('The organization is not visible to this consultant'),
      },
    }),
    async (c) => {
      const events = await auditEventsFor(deps, await requireUser(deps.db, c), c.req.valid('query'));
      return c.json(
        {
          events: events.map((e) => ({
            id: e.id, at: e.at, actor: { id: e.actor_id, role: e.actor_role }, action: e.action, organizationId: e.organization_id,
            target: { type: e.target_type, id: e.target_id }, details: e.details ? JSON.parse(e.details) : null,
          })),
        },
        200,
      );
    },
  );
  return r;
}
