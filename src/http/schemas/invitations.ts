import { z } from '@hono/zod-openapi';

const role = z.enum(['manager', 'staff']);
const day = z.iso.date().openapi({ description: 'A calendar day in Iran time (UTC+03:30), never a time of day' });

export const CreatedInvitation = z
  .object({
    id: z.string(),
    token: z.string().openapi({ description: 'The one-time credential; shown only in this answer' }),
    url: z.string().openapi({ description: 'The link to send the respondent' }),
    role,
    department: z.string().nullable(),
  })
  .openapi('CreatedInvitation');

export const CreatedInvitations = z.object({ invitations: z.array(CreatedInvitation) }).openapi('CreatedInvitations');

export const InvitationSummary = z
  .object({ total: z.number().int(), notStarted: z.number().int(), inProgress: z.number().int(), submitted: z.number().int() })
  .openapi('InvitationSummary', { description: 'Counts over every link of the assessment' });

export const InvitationStatus = z
  .object({
    id: z.string(),
    role,
    department: z.string().nullable(),
    status: z.enum(['not_started', 'in_progress', 'submitted']),
    createdOn: day,
    updatedOn: day,
  })
  .openapi('InvitationStatus');

export const InvitationPage = z
  .object({
    summary: InvitationSummary,
    invitations: z.array(InvitationStatus),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last' }),
  })
  .openapi('InvitationPage');

export const InvitationBatch = z
  .object({
    createdAt: z.iso.datetime().openapi({ description: 'Names the batch, with role and department; pass all three back to reissue or revoke it' }),
    role,
    department: z.string().nullable(),
    total: z.number().int(),
    open: z.number().int().openapi({ description: 'Links not yet submitted: the ones a reissue replaces and a revocation removes' }),
  })
  .openapi('InvitationBatch', { description: 'The links one request made for one role and department' });

export const InvitationBatchList = z.object({ batches: z.array(InvitationBatch) }).openapi('InvitationBatchList');

export const BatchRef = z
  .strictObject({ createdAt: z.iso.datetime(), role, department: z.string().max(400).nullable() })
  .openapi('InvitationBatchRef');

export const RevokedInvitations = z.object({ revoked: z.number().int() }).openapi('RevokedInvitations');

export const DepartmentProgress = z
  .object({
    department: z.string().nullable().openapi({ description: 'null: links without a department, or (hidden) the small departments together' }),
    hidden: z.boolean().openapi({ description: 'Departments with fewer than k links, shown only together (their counts only when together at least k)' }),
    invited: z.number().int().nullable(),
    inProgress: z.number().int().nullable(),
    submitted: z.number().int().nullable(),
  })
  .openapi('DepartmentProgress');

export const DepartmentProgressList = z.object({ departments: z.array(DepartmentProgress) }).openapi('DepartmentProgressList');
