import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, jsonBodyErrors, jsonResponse, problemResponse, userText, uuidParam } from '../http/router.js';
import { Department, DepartmentList } from '../http/schemas/departments.js';
import { addDepartment, type Department as DepartmentRow, departmentsOf, removeDepartment } from '../services/departments.js';

const departmentOut = (d: DepartmentRow) => ({ id: d.id, organizationId: d.organization_id, name: d.name, createdAt: d.created_at });

/** An organization's list of departments, which invitations pick from on the dashboard. */
export function departmentsRoutes(deps: AppDeps) {
  const r = createRouter();
  const orgParams = z.object({ orgId: uuidParam });

  r.openapi(
    createRoute({
      method: 'get', path: '/organizations/{orgId}/departments', tags: ['Organizations'], summary: "An organization's departments", security: bearer,
      operationId: 'listDepartments',
      request: { params: orgParams },
      responses: { 200: jsonResponse(DepartmentList, 'The departments, by name'), ...commonErrors },
    }),
    async (c) => {
      const list = await departmentsOf(deps, await requireUser(deps.db, c), c.req.valid('param').orgId);
      return c.json({ departments: list.map(departmentOut) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/organizations/{orgId}/departments', tags: ['Organizations'], summary: "Add a department to an organization's list", security: bearer,
      operationId: 'createDepartment',
      request: { params: orgParams, body: { required: true, content: { 'application/json': { schema: z.strictObject({ name: userText(200) }) } } } },
      responses: {
        201: jsonResponse(Department, 'The department'),
        ...jsonBodyErrors,
        ...commonErrors,
        403: problemResponse('Managers have read-only access'),
        422: problemResponse('The name is already listed, or the list is full (200)'),
      },
    }),
    async (c) => {
      const d = await addDepartment(deps, await requireUser(deps.db, c), c.req.valid('param').orgId, c.req.valid('json').name);
      return c.json(departmentOut(d), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete', path: '/organizations/{orgId}/departments/{departmentId}', tags: ['Organizations'],
      summary: 'Take a department off the list (links already made keep their department)', security: bearer,
      operationId: 'deleteDepartment',
      request: { params: z.object({ orgId: uuidParam, departmentId: uuidParam }) },
      responses: { 204: { description: 'Removed' }, ...commonErrors, 403: problemResponse('Managers have read-only access') },
    }),
    async (c) => {
      const { orgId, departmentId } = c.req.valid('param');
      await removeDepartment(deps, await requireUser(deps.db, c), orgId, departmentId);
      return c.body(null, 204);
    },
  );
  return r;
}
