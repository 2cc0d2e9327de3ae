import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { migrateToLatest, openSqlite } from '../../src/db/database.js';
import { findUserByToken } from '../../src/repositories/users.js';
import { invitationBatches, revokeInvitationBatch } from '../../src/services/invitations.js';
import { startMailSender } from '../../src/services/mailSender.js';
import { buildTestApp, TEST_PG_URL } from '../helpers.js';
import { startTestSmtp } from '../helpers/smtp.js';

const ADDRESSES = ['first.person@example.com', 'second.person@example.org', 'third.person@example.net'];

/** Every byte SQLite keeps for the database: the file, its write-ahead log and shared-memory index. */
function bytesOnDisk(file: string): string {
  return ['', '-wal', '-shm', '-journal']
    .map((suffix) => (fs.existsSync(file + suffix) ? fs.readFileSync(file + suffix).toString('latin1') : ''))
    .join('\n');
}

async function onFile(now: () => Date) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-addresses-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'mehvar.sqlite');
  const db = openSqlite(file);
  onTestFinished(() => db.destroy());
  await migrateToLatest(db);
  const smtp = await startTestSmtp();
  const t = await buildTestApp({ db, now, env: { SMTP_URL: smtp.url } });
  return { t, file, smtp };
}

// anonymity.md: addresses are destroyed at close, so that none remains in the database files afterwards.
describe.skipIf(TEST_PG_URL)('addresses at close', () => {
  it('leaves no address in the database file or its log once the assessment is closed', async () => {
    const { t, file, smtp } = await onFile(() => new Date());
    const sender = startMailSender(t.deps, { pollMs: 30 })!;
    const { token, assessmentId } = await t.setup();
    const res = await t.call('POST', `/api/v1/assessments/${assessmentId}/invitations`, { token, json: { role: 'staff', emails: ADDRESSES } });
    expect(res.data.sent).toBe(3);
    await smtp.waitFor(3);
    await sender.stop();
    // A reminder still waiting when the assessment closes is cancelled, not sent later.
    await t.call('POST', `/api/v1/assessments/${assessmentId}/reminders`, { token, json: { message: 'یادآوری' } });

    // The check can see an address: before closing they are on disk.
    const before = bytesOnDisk(file);
    for (const a of ADDRESSES) expect(before).toContain(a);

    expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/close`, { token })).status).toBe(200);
    const after = bytesOnDisk(file);
    for (const a of ADDRESSES) {
      expect(after).not.toContain(a);
      expect(after).not.toContain(a.split('@')[0]);
    }
    const campaign = (await t.call('GET', `/api/v1/assessments/${assessmentId}/campaign`, { token })).data;
    expect(campaign.addresses).toBe(0);
    expect(campaign.reminders).toEqual({ queued: 0, sent: 0, failed: 0, cancelled: 3 });
    expect(campaign.invitations.sent).toBe(3);
    // Links still work for the record (a closed questionnaire says so); nothing more can be mailed.
    expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/reminders`, { token })).status).toBe(409);
  });

  it('deletes them too when the assessment closes by its date, at the sender’s next pass', async () => {
    let now = new Date('2026-12-01T09:00:00Z');
    const { t, file, smtp } = await onFile(() => now);
    const { token, assessmentId } = await t.setup({ closesAt: '2026-12-10T20:29:59.000Z' });
    const sender = startMailSender(t.deps, { pollMs: 60_000 })!;
    await t.call('POST', `/api/v1/assessments/${assessmentId}/invitations`, { token, json: { role: 'staff', emails: ADDRESSES } });
    await smtp.waitFor(3);
    expect(bytesOnDisk(file)).toContain(ADDRESSES[0]);
    now = new Date('2026-12-11T00:00:00Z');
    await sender.runOnce();
    await sender.stop();
    const after = bytesOnDisk(file);
    for (const a of ADDRESSES) expect(after).not.toContain(a);
    expect((await t.call('GET', `/api/v1/assessments/${assessmentId}/campaign`, { token })).data.addresses).toBe(0);
  });

  it('keeps a revoked link’s address only until the close, then destroys it with the rest', async () => {
    const { t, file, smtp } = await onFile(() => new Date());
    const sender = startMailSender(t.deps, { pollMs: 30 })!;
    const { token, assessmentId } = await t.setup();
    await t.call('POST', `/api/v1/assessments/${assessmentId}/invitations`, { token, json: { role: 'manager', emails: [ADDRESSES[0]] } });
    await t.call('POST', `/api/v1/assessments/${assessmentId}/invitations`, { token, json: { role: 'staff', emails: ADDRESSES.slice(1) } });
    await smtp.waitFor(3);
    await sender.stop();
    const user = (await findUserByToken(t.db, token))!;
    const managers = (await invitationBatches(t.deps, user, assessmentId)).find((b) => b.role === 'manager')!;
    expect(await revokeInvitationBatch(t.deps, user, assessmentId, managers)).toBe(1);
    // Revoked: no reminder goes to it, and the address may be invited again.
    const reminders = await t.call('POST', `/api/v1/assessments/${assessmentId}/reminders`, { token });
    expect(reminders.data.recipients).toBe(2);
    await t.call('POST', `/api/v1/assessments/${assessmentId}/close`, { token });
    const after = bytesOnDisk(file);
    for (const a of ADDRESSES) expect(after).not.toContain(a);
  });

  it('destroys them when an assessment or a whole organization is deleted', async () => {
    const { t, file, smtp } = await onFile(() => new Date());
    const sender = startMailSender(t.deps, { pollMs: 30 })!;
    const { token, orgId, assessmentId } = await t.setup();
    const second = (await t.call('POST', `/api/v1/organizations/${orgId}/assessments`, { token, json: { title: 'دوم', questionnaireId: 'tiny' } })).data.id;
    await t.call('POST', `/api/v1/assessments/${assessmentId}/invitations`, { token, json: { role: 'staff', emails: [ADDRESSES[0]] } });
    await t.call('POST', `/api/v1/assessments/${second}/invitations`, { token, json: { role: 'staff', emails: ADDRESSES.slice(1) } });
    await smtp.waitFor(3);
    await sender.stop();
    expect((await t.call('DELETE', `/api/v1/assessments/${assessmentId}`, { token })).status).toBe(204);
    expect(bytesOnDisk(file)).not.toContain(ADDRESSES[0]);
    expect(bytesOnDisk(file)).toContain(ADDRESSES[1]);
    expect((await t.call('DELETE', `/api/v1/organizations/${orgId}`, { token })).status).toBe(204);
    const after = bytesOnDisk(file);
    for (const a of ADDRESSES) expect(after).not.toContain(a);
  });

  it('closes at once while a backup holds the log, and empties the log once the backup is done', async () => {
    let now = new Date('2026-12-01T09:00:00Z');
    const { t, file, smtp } = await onFile(() => now);
    const { token, assessmentId } = await t.setup();
    const sender = startMailSender(t.deps, { pollMs: 60_000 })!;
    await t.call('POST', `/api/v1/assessments/${assessmentId}/invitations`, { token, json: { role: 'staff', emails: ADDRESSES } });
    await smtp.waitFor(3);
    // A reader on another connection (as a backup's VACUUM INTO is) keeps the log from being emptied.
    const reader = new SQLite(file, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM invitations').get();
    expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/close`, { token })).status).toBe(200);
    expect((await t.call('GET', `/api/v1/assessments/${assessmentId}/campaign`, { token })).data.addresses).toBe(0);
    reader.exec('COMMIT');
    reader.close();
    now = new Date('2026-12-01T09:05:00Z');
    await sender.runOnce();
    await sender.stop();
    const after = bytesOnDisk(file);
    for (const a of ADDRESSES) expect(after).not.toContain(a);
  });
});
