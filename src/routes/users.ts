import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { requireRole, requireUser } from '../http/auth.js';
import { anyJson, bearer, commonErrors, createRouter, idString, userText, uuidParam } from '../http/router.js';
import { assignConsultant } from '../repositories/organizations.js';
import { recordAudit } from '../repositories/audit.js';
import { createUser } from '../repositories/users.js';

const createUserBody = z.strictObject({
  role: z.enum(['consultant', 'manager']),
  name: userText(200),
  organizationId: idString.optional().openapi({ description: 'Required for a manager: the one organization it may read.' }),
});

export function usersRoutes({ db, clock }: AppDeps) {
  const r = createRouter();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/users',
      tags: ['Users'],
      summary: 'Create a consultant or manager (admin); the token is shown only in this response',
      security: bearer,
      request: { body: { required: true, content: { 'application/json': { schema: createUserBody } } } },
      responses: { 201: anyJson('The new user with its bearer token'), ...commonErrors },
    }),
    async (c) => {
      const admin = await requireUser(db, c);
      requireRole(admin, 'admin');
      const body = c.req.valid('json');
      if (body.role === 'manager') {
        if (!body.organizationId)
          throw new AppError(400, 'A manager belongs to one organization.', [{ path: 'organizationId', message: 'required for a manager' }]);
        const org = await db.selectFrom('organizations').select('id').where('id', '=', body.organizationId).executeTakeFirst();
        if (!org) throw new AppError(422, 'No such organization.', [{ path: 'organizationId', message: 'unknown organization' }]);
      } else if (body.organizationId)
        throw new AppError(400, 'Assign consultants with POST /organizations/{orgId}/consultants.', [
          { path: 'organizationId', message: 'only for managers' },
        ]);
      const { user, token } = await createUser(db, { role: body.role, name: body.name, organizationId: body.organizationId ?? null }, clock());
      await recordAudit(db, admin, { action: 'user.create', organizationId: user.organization_id, targetType: 'user', targetId: user.id, details: { role: user.role } }, clock());
      return c.json({ id: user.id, role: user.role, name: user.name, organizationId: user.organization_id, token }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/organizations/{orgId}/consultants',
      tags: ['Users'],
      summary: 'Assign a consultant to an organization (admin)',
      security: bearer,
      request: {
        params: z.object({ orgId: uuidParam }),
        body: { required: true, content: { 'application/json': { schema: z.strictObject({ userId: idString }) } } },
      },
      responses: { 204: { description: 'Assigned' }, ...commonErrors },
    }),
    async (c) => {
      const admin = await requireUser(db, c);
      requireRole(admin, 'admin');
      const { orgId } = c.req.valid('param');
      const { userId } = c.req.valid('json');
      const org = await db.selectFrom('organizations').select('id').where('id', '=', orgId).executeTakeFirst();
      if (!org) throw new AppError(404, 'Organization was not found.');
      const user = await db.selectFrom('users').select(['id', 'role']).where('id', '=', userId).executeTakeFirst();
      if (!user || user.role !== 'consultant')
        throw new AppError(422, 'Only a consultant can be assigned.', [{ path: 'userId', message: 'not a consultant' }]);
      await assignConsultant(db, orgId, userId);
      await recordAudit(db, admin, { action: 'organization.assign-consultant', organizationId: orgId, targetType: 'user', targetId: userId }, clock());
      return c.body(null, 204);
    },
  );
  return r;
}
