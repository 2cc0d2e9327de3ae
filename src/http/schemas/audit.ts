import { z } from '@hono/zod-openapi';

export const AuditEvent = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    actor: z.object({ id: z.string(), role: z.enum(['admin', 'consultant', 'manager']) }),
    action: z.string().openapi({ example: 'report.download', description: 'e.g. organization.create, assessment.close, invitations.create, responses.import, export.responses, report.download, user.token.rotate' }),
    organizationId: z.string().nullable(),
    target: z.object({ type: z.string().openapi({ example: 'assessment' }), id: z.string().nullable() }),
    details: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]))
      .nullable()
      .openapi({ description: 'Per action, e.g. {lang} for a download or {imported, format} for an import; never tokens or answers' }),
  })
  .openapi('AuditEvent');

export const AuditLog = z.object({ events: z.array(AuditEvent).openapi({ description: 'Newest first' }) }).openapi('AuditLog');
