import type { Db } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { isClosed } from '../domain/records.js';
import { REDACTED, scrubContacts } from '../domain/scrubContacts.js';
import { renderMessage } from '../mail/templates.js';
import { createMailTransport, DeliveryError, type MailTransport } from '../mail/transport.js';
import { recordAudit } from '../repositories/audit.js';
import { closedWithAddresses, destroyInviteeAddresses, emptyLogIfPending, unsubmittedInvitees } from '../repositories/inviteeAddresses.js';
import { claimDue, claimSchedule, enqueueMail, envelopeOf, markFinished, markSent, type OutboxRow, pendingSchedules, retryLater } from '../repositories/mailOutbox.js';

// Sends the outbox (src/repositories/mailOutbox.ts) in the background: every few seconds, and at once when
// a use case queues something. A failed attempt is tried again after 30 s, 1, 2, 4 … minutes (at most an
// hour apart) up to 8 attempts; an SMTP 5xx refusal is final at once. Because the queue is in the
// database, a restart loses nothing: the next sender picks up what is due.

export interface SenderOptions {
  pollMs?: number;
  /** Wait after the first failed attempt; doubled after each further one. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxAttempts?: number;
  /** How long a taken message is left to this sender before another may take it (a crash mid-send). */
  leaseMs?: number;
  /** A transport of one's own (tests); by default SMTP as configured. */
  transport?: MailTransport;
}

export interface MailSender {
  /** One pass over what is due now; resolves when it is done (passes run one after another). */
  runOnce(): Promise<void>;
  /** Finishes the pass under way, then stops and closes the SMTP connections. */
  stop(): Promise<void>;
}

const BATCH = 50;
const SWEEP_EVERY_MS = 30_000;
const running = new WeakMap<Db, MailSender>();

/** The sender running in this process on this database, if any. */
export function senderFor(deps: Pick<AppDeps, 'db'>): MailSender | undefined {
  return running.get(deps.db);
}

/** Starts sending, or does nothing (undefined) when SMTP_URL is not set. Called by the entry at start-up. */
export function startMailSender(deps: AppDeps, opts: SenderOptions = {}): MailSender | undefined {
  const smtp = deps.config.smtp;
  if (!smtp && !opts.transport) return undefined;
  const { db, logger } = deps;
  const transport = opts.transport ?? createMailTransport(smtp!);
  const pollMs = opts.pollMs ?? 5000;
  const baseDelayMs = opts.baseDelayMs ?? 30_000;
  const maxDelayMs = opts.maxDelayMs ?? 3_600_000;
  const maxAttempts = opts.maxAttempts ?? 8;
  const leaseMs = opts.leaseMs ?? 10 * 60_000;
  let stopped = false;
  let lastSweep = 0;
  let chain: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  async function deliver(row: OutboxRow) {
    const env = await envelopeOf(db, row.invitation_id);
    const now = deps.clock();
    if (!env || isClosed(env, now)) return markFinished(db, row.id, 'cancelled', 'the assessment closed', now);
    const organization = env.lang === 'en' ? (env.name_en ?? env.name_fa) : env.name_fa;
    const link = `${deps.config.publicUrl}/r/${env.token}${env.lang === 'en' ? '?lang=en' : ''}`;
    const message = renderMessage({ kind: row.kind, lang: env.lang, organization, link, closesAt: env.closes_at, note: row.note });
    try {
      await transport.send({ from: deps.config.mailFrom, to: env.email, lang: env.lang, ...message });
      await markSent(db, row.id, deps.clock());
    } catch (err) {
      // SMTP answers often quote the recipient; what is stored and logged never holds an address.
      const reason = scrubbed((err as Error).message, env.email);
      const permanent = err instanceof DeliveryError && err.permanent;
      const at = deps.clock();
      if (permanent || row.attempts >= maxAttempts) await markFinished(db, row.id, 'failed', reason, at);
      else await retryLater(db, row.id, new Date(at.getTime() + Math.min(maxDelayMs, baseDelayMs * 2 ** (row.attempts - 1))), reason);
      logger.warn({ outboxId: row.id, attempt: row.attempts, permanent, reason }, 'email not delivered');
    }
  }

  async function pass() {
    const now = deps.clock();
    // Assessments closed by their date have nobody to close them by hand: their addresses go here.
    if (now.getTime() - lastSweep >= SWEEP_EVERY_MS) {
      lastSweep = now.getTime();
      for (const id of await closedWithAddresses(db, now)) await destroyInviteeAddresses(db, id, now);
      await emptyLogIfPending(db);
    }
    await sendScheduledReminders(deps, now);
    while (!stopped) {
      const t = deps.clock();
      const batch = await claimDue(db, t, new Date(t.getTime() + leaseMs), BATCH);
      for (const row of batch) await deliver(row);
      if (batch.length < BATCH) break;
    }
  }

  const runOnce = () => {
    chain = chain.then(pass).catch((err: unknown) => logger.error({ err }, 'the mail sender pass failed; the next pass retries'));
    return chain;
  };
  const tick = () => {
    if (stopped) return;
    void runOnce().then(() => {
      if (!stopped) timer = setTimeout(tick, pollMs).unref();
    });
  };
  const sender: MailSender = {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (running.get(db) === sender) running.delete(db);
      await chain;
      transport.close();
    },
  };
  running.set(db, sender);
  tick();
  return sender;
}

/** Queues the scheduled reminders that are due: from `days_before` days before the closing date until it. */
async function sendScheduledReminders(deps: AppDeps, now: Date) {
  const { db } = deps;
  for (const s of await pendingSchedules(db)) {
    const closes = Date.parse(s.closes_at!);
    if (now.getTime() < closes - s.days_before * 86_400_000 || now.getTime() >= closes) continue;
    if (!(await claimSchedule(db, s.assessment_id, now))) continue;
    const ids = await enqueueMail(db, (await unsubmittedInvitees(db, s.assessment_id)).map((invitationId) => ({ assessmentId: s.assessment_id, invitationId, kind: 'reminder' as const, note: s.note })), now);
    await recordAudit(db, { id: s.created_by, role: s.created_role }, { action: 'reminders.send', organizationId: s.organization_id, targetType: 'assessment', targetId: s.assessment_id, details: { count: ids.length, scheduled: true } }, now);
  }
}

function scrubbed(message: string, email: string): string {
  const withoutAddress = message.split(email).join(REDACTED).replace(new RegExp(email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), REDACTED);
  return scrubContacts(withoutAddress).slice(0, 500);
}
