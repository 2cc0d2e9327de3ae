import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../http/auth.js';
import { bearer, bearerErrors, commonErrors, createRouter, idString, jsonBodyErrors, jsonResponse, problemResponse, problems, userText, uuidParam } from '../http/router.js';
import { UserWithToken } from '../http/schemas/users.js';
import { assignConsultantTo } from '../services/organizations.js';
import { createUserAccount, revokeToken, rotateToken } from '../services/users.js';

const createUserBody = z.strictObject({
  role: z.enum(['consultant', 'manager']),
  name: userText(200),
  organizationId: idString.optional().openapi({ description: 'Required for a manager: the one organization it may read.' }),
});

const tokenParams = z.object({ id: uuidParam });

export function usersRoutes(deps: AppDeps) {
  const { db } = deps;
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
      const { user, token } = await createUserAccount(deps, await requireUser(db, c), c.req.valid('json'));
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
      await assignConsultantTo(deps, await requireUser(db, c), c.req.valid('param').orgId, c.req.valid('json').userId);
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
      const { user, token } = await rotateToken(deps, await requireUser(db, c), c.req.valid('param').id);
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
      await revokeToken(deps, await requireUser(db, c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
  return r;
}
