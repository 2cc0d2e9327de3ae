import { describe, expect, it } from 'vitest';
import { startMailSender } from '../../src/services/mailSender.js';
import { buildTestApp } from '../helpers.js';
import { startTestSmtp } from '../helpers/smtp.js';

const CLOSES = '2026-12-20T20:29:59.000Z';

describe('a reminder scheduled before the closing date', () => {
  it('is sent once, by the server, to those who have not submitted, when the day comes', async () => {
    let now = new Date('2026-12-01T09:00:00Z');
    const smtp = await startTestSmtp();
    const t = await buildTestApp({ now: () => now, env: { SMTP_URL: smtp.url } });
    const sender = startMailSender(t.deps, { pollMs: 60_000 })!;
    const { token, assessmentId } = await t.setup({ closesAt: CLOSES });
    await t.call('POST', `/api/v1/assessments/${assessmentId}/invitations`, { token, json: { role: 'staff', emails: ['done@example.com', 'late@example.com'] } });
    const invited = await smtp.waitFor(2);
    const doneLink = /\/r\/([\w-]+)/.exec(invited.find((m) => m.to[0] === 'done@example.com')!.parsed.text!)![1];
    expect((await t.call('POST', `/api/v1/respond/${doneLink}/submit`, { json: { answers: { 'org.know': 4 } } })).status).toBe(200);

    const set = await t.call('PUT', `/api/v1/assessments/${assessmentId}/reminders/schedule`, { token, json: { daysBefore: 3, message: 'سه روز مانده است.' } });
    expect(set.status).toBe(200);
    expect(set.data.schedule).toEqual({ daysBefore: 3, sendsAt: '2026-12-17T20:29:59.000Z', sentAt: null });

    // Not yet: four days before.
    now = new Date('2026-12-16T20:00:00Z');
    await sender.runOnce();
    expect(smtp.received).toHaveLength(2);
    // Inside the last three days: one reminder, to the one who has not submitted.
    now = new Date('2026-12-18T06:00:00Z');
    await sender.runOnce();
    const [reminder] = (await smtp.waitFor(3)).slice(2);
    expect(reminder.to).toEqual(['late@example.com']);
    expect(reminder.parsed.subject).toMatch(/^یادآوری/);
    expect(reminder.parsed.text).toContain('سه روز مانده است.');
    // Only once.
    now = new Date('2026-12-19T06:00:00Z');
    await sender.runOnce();
    await sender.stop();
    expect(smtp.received).toHaveLength(3);
    const campaign = (await t.call('GET', `/api/v1/assessments/${assessmentId}/campaign`, { token })).data;
    expect(campaign.schedule).toEqual({ daysBefore: 3, sendsAt: '2026-12-17T20:29:59.000Z', sentAt: '2026-12-18T06:00:00.000Z' });
    expect(campaign.reminders.sent).toBe(1);
  });

  it('needs a closing date (422 naming daysBefore), and null cancels it', async () => {
    const smtp = await startTestSmtp();
    const t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
    const { token, assessmentId } = await t.setup();
    const none = await t.call('PUT', `/api/v1/assessments/${assessmentId}/reminders/schedule`, { token, json: { daysBefore: 3 } });
    expect(none.status).toBe(422);
    expect(none.data.errors).toEqual([{ path: 'daysBefore', message: 'the assessment has no closing date' }]);
    expect((await t.call('PUT', `/api/v1/assessments/${assessmentId}/reminders/schedule`, { token, json: { daysBefore: 0 } })).status).toBe(400);
    const off = await t.call('PUT', `/api/v1/assessments/${assessmentId}/reminders/schedule`, { token, json: { daysBefore: null } });
    expect(off.data).toEqual({ schedule: null });
  });
});
