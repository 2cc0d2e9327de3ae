import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { AppError } from '../errors.js';
import { requireRole, requireUser } from '../http/auth.js';
import { bearer, bearerErrors, commonErrors, createRouter, idString, jsonBodyErrors, jsonResponse, problemResponse, problems, userText, uuidParam } from '../http/router.js';
import { UserWithToken } from '../http/schemas/users.js';
import type { Db } from '../db/database.js';
import type { User } from '../db/tables.js';
import { assignConsultant } from '../repositories/organizations.js';
import { recordAudit } from '../repositories/audit.js';
import { revokeUserSessions } from '../repositories/sessions.js';
import { createUser, revokeUserToken, rotateUserToken } from '../repositories/users.js';

const createUserBody = z.strictObject({
  role: z.enum(['consultant', 'manager']),
  name: userText(200),
  organizationId: idString.optional().openapi({ description: 'Required for a manager: the one organization it may read.' }),
});

/** The admin sees every user; anyone else only itself. Another user is 404, as for every tenant's data. */
async function visibleUser(db: Db, caller: User, id: string): Promise<User> {
  const user = caller.role === 'admin' || caller.id === id ? await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!user) throw new AppError(404, 'User was not found.');
  return user;
}

const tokenParams = z.object({ id: uuidParam });

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
      operationId: 'createUser',
      responses: {
        201: jsonResponse(UserWithToken, 'The new user with its bearer token'),
        ...jsonBodyErrors,
        ...bearerErrors,
        400: problemResponse('Invalid request, a manager without organizationId, or a consultant with one; `errors` names each bad field'),
        403: problemResponse('Only an admin creates users'),
        422: problemResponse('organizationId names no organization'),
      },
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
      operationId: 'assignConsultant',
      responses: {
        204: { description: 'Assigned' },
        ...jsonBodyErrors,
        ...bearerErrors,
        403: problemResponse('Only an admin assigns consultants'),
        404: problemResponse('No such organization'),
        422: problemResponse('userId is not a consultant'),
      },
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

  r.openapi(
    createRoute({
      method: 'post',
      path: '/users/{id}/token',
      tags: ['Users'],
      summary: "Rotate a user's token (admin, or the user itself); the new token is shown only in this response",
      description: "The old token stops working at once and the user's dashboard sessions end. Also gives a revoked user a token again.",
      security: bearer,
      request: { params: tokenParams },
      operationId: 'rotateUserToken',
      responses: { 200: jsonResponse(UserWithToken, 'The user with its new bearer token'), ...commonErrors, 404: problemResponse('No such user visible to the caller'), 413: problems[413] },
    }),
    async (c) => {
      const caller = await requireUser(db, c);
      const user = await visibleUser(db, caller, c.req.valid('param').id);
      const now = clock();
      const token = await db.transaction().execute(async (trx) => {
        const fresh = await rotateUserToken(trx, user.id);
        await revokeUserSessions(trx, user.id, now);
        await recordAudit(trx, caller, { action: 'user.token.rotate', organizationId: user.organization_id, targetType: 'user', targetId: user.id }, now);
        return fresh;
      });
      return c.json({ id: user.id, role: user.role, name: user.name, organizationId: user.organization_id, token }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/users/{id}/token',
      tags: ['Users'],
      summary: "Revoke a user's token (admin): it can no longer call the API or sign in, and its dashboard sessions end",
      description: "The user and everything it made stay; rotating the token later gives it access again. An admin's token cannot be revoked.",
      security: bearer,
      operationId: 'revokeUserToken',
      request: { params: tokenParams },
      responses: {
        204: { description: 'Revoked' },
        ...commonErrors,
        403: problemResponse('Only an admin revokes tokens'),
        404: problemResponse('No such user visible to the caller'),
        413: problems[413],
        409: problemResponse("The user is an admin; revoking could leave the service without one"),
      },
    }),
    async (c) => {
      const caller = await requireUser(db, c);
      const user = await visibleUser(db, caller, c.req.valid('param').id);
      requireRole(caller, 'admin');
      if (user.role === 'admin') throw new AppError(409, "An admin's token cannot be revoked; rotate it instead.");
      const now = clock();
      await db.transaction().execute(async (trx) => {
        await revokeUserToken(trx, user.id);
        await revokeUserSessions(trx, user.id, now);
        await recordAudit(trx, caller, { action: 'user.token.revoke', organizationId: user.organization_id, targetType: 'user', targetId: user.id }, now);
      });
      return c.body(null, 204);
    },
  );
  return r;
}
