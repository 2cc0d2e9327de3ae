import { z } from '@hono/zod-openapi';
import { Assessment } from './assessments.js';

// Organizations as src/http/serialize.ts `organizationOut` writes them.

export const Organization = z
  .object({
    id: z.string(),
    name: z.object({ fa: z.string(), en: z.string().nullable() }),
    sector: z.string().nullable(),
    headcount: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('Organization');

export const OrganizationList = z.object({ organizations: z.array(Organization) }).openapi('OrganizationList');

export const OrganizationWithAssessments = Organization.extend({ assessments: z.array(Assessment) }).openapi('OrganizationWithAssessments');
