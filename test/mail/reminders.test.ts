import { describe, expect, it } from 'vitest';
import { startMailSender } from '../../src/services/mailSender.js';
import { buildTestApp } from '../helpers.js';
import { startTestSmtp } from '../helpers/smtp.js';

const ITEMS = ['org.know', 'org.values', 'org.bureaucracy', 'cust.service', 'cust.contact', 'cust.process'];
const tokenIn = (text: string) => /\/r\/([\w-]+)/.exec(text)![1];

describe('reminders', () => {
  it('mail only the invitees who have not submitted, with the same link and the consultant’s note, and answer counts only', async () => {
    const smtp = await startTestSmtp();
    const t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
    const sender = startMailSender(t.deps, { pollMs: 50 })!;
    const { token, assessmentId } = await t.setup({ closesAt: '2026-12-20T20:29:59.000Z' });
    const emails = ['done@example.com', 'started@example.com', 'silent@example.com'];
    await t.call('POST', `/api/v1/assessments/${assessmentId}/invitations`, { token, json: { role: 'staff', department: 'فروش', emails } });
    const invitations = await smtp.waitFor(3);
    const linkOf = (email: string) => tokenIn(invitations.find((m) => m.to[0] === email)!.parsed.text!);

    // One submits, one only starts, one does nothing; links created without email get no reminder.
    const answers = Object.fromEntries(ITEMS.map((id) => [id, 4]));
    expect((await t.call('POST', `/api/v1/respond/${linkOf('done@example.com')}/submit`, { json: { answers } })).status).toBe(200);
    await t.call('PUT', `/api/v1/respond/${linkOf('started@example.com')}/answers`, { json: { answers: { 'org.know': 2 } } });
    await t.invite(token, assessmentId, 'staff', 4);

    const note = 'لطفاً تا پایان هفته پاسخ دهید؛ پاسخ‌ها بی‌نام‌اند.';
    const res = await t.call('POST', `/api/v1/assessments/${assessmentId}/reminders`, { token, json: { message: note } });
    await sender.stop();
    expect(res.status).toBe(202);
    expect(res.data).toEqual({ recipients: 2, sent: 2, queued: 0, failed: 0 });

    const reminders = smtp.received.slice(3);
    expect(reminders.map((m) => m.to[0]).sort()).toEqual(['silent@example.com', 'started@example.com']);
    for (const m of reminders) {
      expect(m.parsed.subject).toBe('یادآوری: پرسش‌نامه‌ی مشتری‌مداری شرکت نمونه پارس');
      expect(m.parsed.text).toContain(note);
      expect(m.parsed.text).toContain('۲۹ آذر ۱۴۰۵');
      expect(m.parsed.html).toContain('لطفاً تا پایان هفته پاسخ دهید');
      // The same personal link as the invitation: the draft already begun continues there.
      expect(tokenIn(m.parsed.text!)).toBe(linkOf(m.to[0]));
    }
    const campaign = await t.call('GET', `/api/v1/assessments/${assessmentId}/campaign`, { token });
    expect(campaign.data.invitations).toEqual({ queued: 0, sent: 3, failed: 0, cancelled: 0 });
    expect(campaign.data.reminders).toEqual({ queued: 0, sent: 2, failed: 0, cancelled: 0 });
    expect(campaign.data.addresses).toBe(3);
  });

  it('refuse a note with control characters (400 naming message), another tenant (404), and a closed assessment (409)', async () => {
    const smtp = await startTestSmtp();
    const t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
    const { token, assessmentId } = await t.setup();
    const bad = await t.call('POST', `/api/v1/assessments/${assessmentId}/reminders`, { token, json: { message: 'a\u0007b' } });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.map((e: { path: string }) => e.path)).toEqual(['message']);
    const other = await t.consultant('Mallory');
    expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/reminders`, { token: other })).status).toBe(404);
    expect((await t.call('GET', `/api/v1/assessments/${assessmentId}/campaign`, { token: other })).status).toBe(404);
    await t.call('POST', `/api/v1/assessments/${assessmentId}/close`, { token });
    const closed = await t.call('POST', `/api/v1/assessments/${assessmentId}/reminders`, { token });
    expect(closed.status).toBe(409);
    expect(smtp.received).toHaveLength(0);
  });
});
