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
