import { z } from '@hono/zod-openapi';

export const UserWithToken = z
  .object({
    id: z.string(),
    role: z.enum(['admin', 'consultant', 'manager']),
    name: z.string(),
    organizationId: z.string().nullable().openapi({ description: "A manager's one organization; null otherwise" }),
    token: z.string().openapi({ description: 'The bearer token; shown only in this answer' }),
  })
  .openapi('UserWithToken');
