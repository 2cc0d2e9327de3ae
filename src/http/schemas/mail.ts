import { z } from '@hono/zod-openapi';
import { CreatedInvitations } from './invitations.js';

const delivery = z.enum(['sent', 'queued', 'failed']).openapi({ description: '`sent`: the SMTP server accepted it; `queued`: not yet, it goes out in the background with retries; `failed`: refused for good or after every retry' });

export const EmailedInvitation = z
  .object({
    email: z.string().openapi({ description: 'The address as stored: trimmed and lower-cased' }),
    status: z.enum(['sent', 'queued', 'failed', 'alreadyInvited']).openapi({ description: 'The delivery of this address’s link; `alreadyInvited`: the address already has a link in this assessment and got no second one' }),
    error: z.string().nullable().openapi({ description: 'Why it failed, with any address removed; null unless `failed`' }),
  })
  .openapi('EmailedInvitation');

export const EmailedInvitations = z
  .object({
    invitations: z.array(EmailedInvitation).openapi({ description: 'One per distinct address, in the order sent; never a token or an invitation id' }),
    sent: z.number().int(),
    queued: z.number().int(),
    failed: z.number().int(),
    alreadyInvited: z.number().int(),
    duplicates: z.number().int().openapi({ description: 'Addresses given more than once in the request (each was used once)' }),
  })
  .openapi('EmailedInvitations', { description: 'Per-address delivery of emailed invitation links' });

export const CreatedOrEmailedInvitations = z
  .union([CreatedInvitations, EmailedInvitations])
  .openapi('CreatedOrEmailedInvitations', { description: 'Links with their tokens (`invitations` by role and count), or each address’s delivery (`emails`); tell them apart by `sent`' });

export const ReminderOutcome = z
  .object({
    recipients: z.number().int().openapi({ description: 'Email invitees who had not submitted: each got one reminder' }),
    sent: z.number().int(),
    queued: z.number().int().openapi({ description: 'Not yet accepted by the SMTP server; sent in the background with retries' }),
    failed: z.number().int(),
  })
  .openapi('ReminderOutcome', { description: 'Counts only: which invitees were reminded would say who has not answered' });

const MailCounts = z
  .object({ queued: z.number().int(), sent: z.number().int(), failed: z.number().int(), cancelled: z.number().int().openapi({ description: 'Dropped because the assessment closed first' }) })
  .openapi('MailCounts');

export const DepartmentProgress = z
  .object({
    department: z.string().nullable().openapi({ description: 'null: links without a department, or (with `hidden`) the departments too small to show on their own, together' }),
    hidden: z.boolean().openapi({ description: 'true: the departments with fewer than k links (and the next smallest, until they hold at least k), counted together' }),
    invited: z.number().int(),
    inProgress: z.number().int(),
    submitted: z.number().int(),
  })
  .openapi('DepartmentProgress');

export const ReminderSchedule = z
  .object({
    daysBefore: z.number().int(),
    sendsAt: z.iso.datetime().openapi({ description: '`daysBefore` days before the closing date' }),
    sentAt: z.iso.datetime().nullable().openapi({ description: 'When the sender queued it; null until then' }),
  })
  .openapi('ReminderSchedule', { description: 'A reminder the server sends by itself before the closing date, once' });

const scheduleOrNull = z.union([ReminderSchedule, z.null()]);

export const ReminderScheduleAnswer = z.object({ schedule: scheduleOrNull }).openapi('ReminderScheduleAnswer');

export const CampaignProgress = z
  .object({
    mailConfigured: z.boolean().openapi({ description: 'false when the server has no SMTP_URL: email invitations and reminders answer 503' }),
    addresses: z.number().int().openapi({ description: 'Email addresses held for this assessment (deleted at close)' }),
    invitations: MailCounts,
    reminders: MailCounts,
    schedule: scheduleOrNull,
    departments: z.array(DepartmentProgress).openapi({ description: 'Response status counted per department; never per person' }),
  })
  .openapi('CampaignProgress');
