import { z } from '@hono/zod-openapi';

/** One department of an organization's list (src/services/departments.ts). */
export const Department = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    name: z.string(),
    createdAt: z.iso.datetime(),
  })
  .openapi('Department');

export const DepartmentList = z.object({ departments: z.array(Department).openapi({ description: 'By name' }) }).openapi('DepartmentList');
