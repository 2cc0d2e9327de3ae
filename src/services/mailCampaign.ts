import type { AppDeps } from '../deps.js';
import { Invalid, NotFound, Unavailable } from '../domain/errors.js';
import type { RespondentRole, User } from '../domain/records.js';
import { parseAddresses } from '../mail/addresses.js';
import type { MailLang } from '../mail/templates.js';
import { recordAudit } from '../repositories/audit.js';
import { alreadyInvited, countInviteeAddresses, hasInviteeAddress, insertInviteeAddresses, unsubmittedInvitees } from '../repositories/inviteeAddresses.js';
import { enqueueMail, findReminderSchedule, type OutboxCounts, outboxCounts, outboxStatuses, saveReminderSchedule } from '../repositories/mailOutbox.js';
import { requireWriter } from './access.js';
import { assessmentFor, requireOpen } from './assessments.js';
import { createInvitationLinks, departmentProgress } from './invitations.js';
import { senderFor } from './mailSender.js';

export { MAX_EMAILS_PER_REQUEST } from '../mail/addresses.js';

// Email campaigns: invitations by email, reminders to those who have not submitted, and what the
// consultant may see of them: counts, never one person's status. Addresses follow anonymity.md: stored
// apart (repositories/inviteeAddresses.ts), in no answer, list, export, log or audit entry, gone at close.

/** How long a request waits for the first attempt of what it queued before answering "queued". */
const SETTLE_MS = 5000;

export type Delivery = 'sent' | 'queued' | 'failed';

export function mailConfigured(deps: Pick<AppDeps, 'config'>): boolean {
  return deps.config.smtp !== undefined;
}

function requireMail(deps: Pick<AppDeps, 'config'>) {
  if (!mailConfigured(deps))
    throw new Unavailable('Email is not configured on this server (SMTP_URL is not set). Create links without `emails` and send them yourself, or ask the operator to set SMTP_URL.', undefined, 'mailOff');
}

export interface EmailInvitationRequest {
  role: RespondentRole;
  department: string | null;
  emails: string[];
  lang: MailLang;
}

export interface EmailedInvitation {
  email: string;
  status: Delivery | 'alreadyInvited';
  error: string | null;
}

/**
 * One personal link per new address, mailed in `lang`. Addresses are checked (422 naming each bad one as
 * `emails.<i>`) and each taken once; an address that already has a link in this assessment gets no second
 * one ("alreadyInvited"; resend it instead). The answer gives each address's delivery, never a token or an
 * invitation id, which would tie an address to a link's status in the invitations list.
 */
export async function emailInvitations(deps: AppDeps, user: User, assessmentId: string, req: EmailInvitationRequest) {
  const assessment = await assessmentFor(deps, user, assessmentId);
  requireWriter(user);
  requireOpen(deps, assessment, 'This assessment is closed; no new invitations.');
  requireMail(deps);
  const parsed = parseAddresses(req.emails);
  if (!parsed.ok) throw new Invalid('Some addresses are not valid; nothing was created or sent.', parsed.errors);
  const { known, outboxIds } = await oneAtATime(assessment.id, async () => {
    const known = await alreadyInvited(deps.db, assessment.id, parsed.emails);
    const fresh = parsed.emails.filter((e) => !known.has(e));
    const outboxIds = new Map<string, string>();
    if (fresh.length) {
      const links = await createInvitationLinks(deps, user, assessment.id, [{ role: req.role, department: req.department, count: fresh.length }]);
      await insertInviteeAddresses(deps.db, links.map((l, i) => ({ invitation_id: l.id, assessment_id: assessment.id, email: fresh[i], lang: req.lang, token: l.token })));
      const ids = await enqueueMail(deps.db, links.map((l) => ({ assessmentId: assessment.id, invitationId: l.id, kind: 'invitation' })), deps.clock());
      fresh.forEach((e, i) => outboxIds.set(e, ids[i]));
      await recordAudit(deps.db, user, { action: 'invitations.email', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id, details: { count: fresh.length, lang: req.lang } }, deps.clock());
    }
    return { known, outboxIds };
  });
  const statuses = await settle(deps, [...outboxIds.values()]);
  const invitations: EmailedInvitation[] = parsed.emails.map((email) => {
    const id = outboxIds.get(email);
    if (!id) return { email, status: 'alreadyInvited', error: null };
    const s = statuses.get(id);
    return { email, status: s?.status ?? 'queued', error: s?.status === 'failed' ? s.error : null };
  });
  return { invitations, ...tally(invitations.map((i) => i.status)), alreadyInvited: known.size, duplicates: parsed.duplicates };
}

/**
 * Mails a reminder to every email invitee who has not submitted (the same personal link, and the
 * consultant's note if given). Answers counts only: which of them were sent would say who has not answered.
 */
export async function sendReminders(deps: AppDeps, user: User, assessmentId: string, req: { note: string | null }) {
  const assessment = await assessmentFor(deps, user, assessmentId);
  requireWriter(user);
  requireOpen(deps, assessment, 'This assessment is closed; no reminders.');
  requireMail(deps);
  const invitationIds = await unsubmittedInvitees(deps.db, assessment.id);
  const ids = await enqueueMail(deps.db, invitationIds.map((invitationId) => ({ assessmentId: assessment.id, invitationId, kind: 'reminder', note: req.note })), deps.clock());
  await recordAudit(deps.db, user, { action: 'reminders.send', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id, details: { count: ids.length, withNote: req.note !== null } }, deps.clock());
  const statuses = await settle(deps, ids);
  return { recipients: ids.length, ...tally(ids.map((id) => statuses.get(id)?.status ?? 'queued')) };
}

/**
 * Sends an invitation's email again, with the same link (the dashboard's "resend"). 404 when the link was
 * not sent by email, was revoked, or its address is gone (deleted at close).
 */
export async function resendInvitationEmail(deps: AppDeps, user: User, assessmentId: string, invitationId: string): Promise<{ status: Delivery; error: string | null }> {
  const assessment = await assessmentFor(deps, user, assessmentId);
  requireWriter(user);
  requireOpen(deps, assessment, 'This assessment is closed; its addresses were deleted.');
  requireMail(deps);
  if (!(await hasInviteeAddress(deps.db, assessment.id, invitationId))) throw new NotFound('Invitation email', 'This link was not sent by email, or its address has been deleted.');
  const [id] = await enqueueMail(deps.db, [{ assessmentId: assessment.id, invitationId, kind: 'invitation' }], deps.clock());
  await recordAudit(deps.db, user, { action: 'invitation.resend', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id, details: {} }, deps.clock());
  const s = (await settle(deps, [id])).get(id);
  return { status: s?.status ?? 'queued', error: s?.status === 'failed' ? s.error : null };
}

/**
 * The campaign panel: messages by state and response progress per department, as counts only (small
 * departments shown together, services/invitations.ts progressByDepartment).
 */
export async function campaignProgress(deps: AppDeps, user: User, assessmentId: string) {
  const [counts, departments] = await Promise.all([campaignCounts(deps, user, assessmentId), departmentProgress(deps, user, assessmentId)]);
  return { ...counts, departments };
}

export type MailCounts = OutboxCounts;

/** The messages by state and how many addresses are held (the dashboard shows departments on their own). */
export async function campaignCounts(deps: AppDeps, user: User, assessmentId: string) {
  const assessment = await assessmentFor(deps, user, assessmentId);
  const [mail, addresses, schedule] = await Promise.all([outboxCounts(deps.db, assessment.id), countInviteeAddresses(deps.db, assessment.id), findReminderSchedule(deps.db, assessment.id)]);
  return { mailConfigured: mailConfigured(deps), addresses, invitations: mail.invitation, reminders: mail.reminder, schedule: scheduleView(assessment.closes_at, schedule ?? null) };
}

export interface ScheduleView {
  daysBefore: number;
  /** When the sender sends it: `daysBefore` days before the closing date. */
  sendsAt: string;
  sentAt: string | null;
}

function scheduleView(closesAt: string | null, s: { days_before: number; sent_at: string | null } | null): ScheduleView | null {
  if (!s || !closesAt) return null;
  return { daysBefore: s.days_before, sendsAt: new Date(Date.parse(closesAt) - s.days_before * DAY).toISOString(), sentAt: s.sent_at };
}

const DAY = 86_400_000;

/**
 * Asks the sender to remind, by itself, every email invitee who has not submitted `daysBefore` days before
 * the closing date (once; setting it again sends it afresh); null cancels it. The assessment needs a
 * closing date (422 naming daysBefore otherwise).
 */
export async function scheduleReminder(deps: AppDeps, user: User, assessmentId: string, req: { daysBefore: number | null; note: string | null }): Promise<ScheduleView | null> {
  const assessment = await assessmentFor(deps, user, assessmentId);
  requireWriter(user);
  requireOpen(deps, assessment, 'This assessment is closed; no reminders.');
  requireMail(deps);
  if (req.daysBefore !== null && !assessment.closes_at)
    throw new Invalid('This assessment has no closing date to count back from.', [{ path: 'daysBefore', message: 'the assessment has no closing date' }]);
  await saveReminderSchedule(deps.db, assessment.id, req.daysBefore === null ? null : { days_before: req.daysBefore, note: req.note, created_by: user.id, created_role: user.role });
  await recordAudit(deps.db, user, { action: 'reminders.schedule', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id, details: { daysBefore: req.daysBefore } }, deps.clock());
  return scheduleView(assessment.closes_at, req.daysBefore === null ? null : { days_before: req.daysBefore, sent_at: null });
}

const busy = new Map<string, Promise<unknown>>();

/**
 * Runs batches for one assessment one after another in this process: a form sent twice (a double click)
 * must find the first batch's addresses already invited, not race it into a second link each.
 */
async function oneAtATime<T>(assessmentId: string, work: () => Promise<T>): Promise<T> {
  const before = busy.get(assessmentId) ?? Promise.resolve();
  const mine = before.catch(() => undefined).then(work);
  busy.set(assessmentId, mine);
  try {
    return await mine;
  } finally {
    if (busy.get(assessmentId) === mine) busy.delete(assessmentId);
  }
}

function tally(statuses: Array<EmailedInvitation['status']>) {
  const count = (s: Delivery) => statuses.filter((x) => x === s).length;
  return { sent: count('sent'), queued: count('queued'), failed: count('failed') };
}

/**
 * Gives the sender running in this process a moment to make the first attempt, so the answer can say
 * "sent" or why not; whatever is not done by then is reported "queued" and goes out in the background.
 */
async function settle(deps: AppDeps, ids: string[]): Promise<Map<string, { status: Delivery; error: string | null }>> {
  const out = new Map<string, { status: Delivery; error: string | null }>();
  if (!ids.length) return out;
  const sender = senderFor(deps);
  if (sender) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([sender.runOnce(), new Promise<void>((r) => (timer = setTimeout(r, SETTLE_MS).unref()))]);
    clearTimeout(timer);
  }
  for (const [id, s] of await outboxStatuses(deps.db, ids))
    out.set(id, { status: s.status === 'sent' ? 'sent' : s.status === 'queued' ? 'queued' : 'failed', error: s.last_error });
  return out;
}
