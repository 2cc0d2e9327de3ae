import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { migrateToLatest, openSqlite } from '../../src/db/database.js';
import { startMailSender } from '../../src/services/mailSender.js';
import { buildTestApp, TEST_PG_URL } from '../helpers.js';
import { startTestSmtp, type TestSmtpOptions } from '../helpers/smtp.js';

const invite = (id: string) => `/api/v1/assessments/${id}/invitations`;

async function appOn(smtpUrl: string, sender: Parameters<typeof startMailSender>[1] = {}) {
  const t = await buildTestApp({ env: { SMTP_URL: smtpUrl } });
  const mail = startMailSender(t.deps, { pollMs: 30, baseDelayMs: 30, ...sender })!;
  onTestFinished(() => mail.stop());
  return { t, mail, ...(await t.setup()) };
}

/** Polls the campaign counts until `done` holds (the sender works in the background). */
async function until(t: Awaited<ReturnType<typeof buildTestApp>>, token: string, id: string, done: (c: any) => boolean) {
  for (let i = 0; i < 400; i++) {
    const c = (await t.call('GET', `/api/v1/assessments/${id}/campaign`, { token })).data;
    if (done(c)) return c;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the outbox did not settle');
}

describe('the outbox: retries, backoff and the SMTP modes', () => {
  it('retries a temporary refusal and delivers on the next attempt', async () => {
    const smtp = await startTestSmtp({ refuseFirst: 1 });
    const { t, token, assessmentId } = await appOn(smtp.url);
    const res = await t.call('POST', invite(assessmentId), { token, json: { role: 'staff', emails: ['retry@example.com'] } });
    expect(res.data.invitations).toEqual([{ email: 'retry@example.com', status: 'queued', error: null }]);
    const [m] = await smtp.waitFor(1);
    expect(smtp.refused).toBe(1);
    expect(m.to).toEqual(['retry@example.com']);
    const c = await until(t, token, assessmentId, (x) => x.invitations.sent === 1);
    expect(c.invitations).toEqual({ queued: 0, sent: 1, failed: 0, cancelled: 0 });
    const row = await t.db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.attempts).toBe(2);
  });

  it('gives up at once on a permanent refusal, and keeps no address in the reason', async () => {
    const smtp = await startTestSmtp({ rejectRecipient: /^gone@/ });
    const { t, token, assessmentId } = await appOn(smtp.url);
    const res = await t.call('POST', invite(assessmentId), { token, json: { role: 'staff', emails: ['gone@example.com', 'here@example.com'] } });
    expect(res.data.invitations[0]).toMatchObject({ email: 'gone@example.com', status: 'failed' });
    expect(res.data.invitations[0].error).toMatch(/550/);
    expect(res.data.invitations[0].error).not.toContain('gone@example.com');
    expect(res.data.invitations[1]).toMatchObject({ status: 'sent' });
    const rows = await t.db.selectFrom('mail_outbox').select(['status', 'attempts', 'last_error']).orderBy('status').execute();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['failed', 1], ['sent', 1]]);
    expect(JSON.stringify(rows)).not.toContain('@example.com');
  });

  it('stops after the last attempt with the reason', async () => {
    const smtp = await startTestSmtp({ refuseFirst: 10 });
    const { t, token, assessmentId } = await appOn(smtp.url, { maxAttempts: 3 });
    await t.call('POST', invite(assessmentId), { token, json: { role: 'staff', emails: ['busy@example.com'] } });
    const c = await until(t, token, assessmentId, (x) => x.invitations.failed === 1);
    expect(c.invitations.sent).toBe(0);
    expect(smtp.refused).toBe(3);
  });

  const modes: Array<[string, TestSmtpOptions, boolean]> = [
    ['smtp:// upgraded with STARTTLS, with a user and password', { auth: { user: 'mehvar', pass: 's3cret:/@' } }, true],
    ['smtps://, TLS from the first byte', { tls: true }, true],
    ['smtp:// in plain text where requireTLS=false allows it', { starttls: false }, false],
  ];
  for (const [name, opts, secure] of modes)
    it(`sends over ${name}`, async () => {
      const smtp = await startTestSmtp(opts);
      const { t, token, assessmentId } = await appOn(smtp.url);
      const res = await t.call('POST', invite(assessmentId), { token, json: { role: 'staff', emails: ['mode@example.com'] } });
      expect(res.data.sent).toBe(1);
      const [m] = await smtp.waitFor(1);
      expect(m.secure).toBe(secure);
      expect(m.user).toBe(opts.auth?.user);
    });

  it('refuses to send in plain text to a server without STARTTLS unless told to', async () => {
    const smtp = await startTestSmtp({ starttls: false });
    const { t, token, assessmentId } = await appOn(smtp.url.replace('?requireTLS=false', ''), { maxAttempts: 1 });
    const res = await t.call('POST', invite(assessmentId), { token, json: { role: 'staff', emails: ['plain@example.com'] } });
    expect(res.data.invitations[0].status).toBe('failed');
    expect(smtp.received).toHaveLength(0);
  });
});

describe.skipIf(TEST_PG_URL)('a restart loses nothing', () => {
  it('delivers after a restart what was queued before it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-outbox-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'mehvar.sqlite');
    const smtp = await startTestSmtp();
    const env = { SMTP_URL: smtp.url };

    // First life: the sender is not running (it died, or the SMTP server was down): everything stays queued.
    const db1 = openSqlite(file);
    await migrateToLatest(db1);
    const before = await buildTestApp({ db: db1, env });
    const { token, assessmentId } = await before.setup();
    const res = await before.call('POST', invite(assessmentId), { token, json: { role: 'staff', emails: ['a@example.com', 'b@example.com'], lang: 'en' } });
    expect(res.data.queued).toBe(2);
    await db1.destroy();
    expect(smtp.received).toHaveLength(0);

    // Second life: a new app over the same file starts its sender, which finds the queue.
    const db2 = openSqlite(file);
    await migrateToLatest(db2);
    const after = await buildTestApp({ db: db2, env });
    const sender = startMailSender(after.deps, { pollMs: 30 })!;
    const mails = await smtp.waitFor(2);
    await sender.stop();
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['a@example.com', 'b@example.com']);
    expect(mails[0].parsed.subject).toBe('Invitation: Pars Sample Co. customer-centricity questionnaire');
    expect((await after.call('GET', `/api/v1/assessments/${assessmentId}/campaign`, { token })).data.invitations).toEqual({ queued: 0, sent: 2, failed: 0, cancelled: 0 });
    await db2.destroy();
  });
});
