import { describe, expect, it } from 'vitest';
import { startMailSender } from '../../src/services/mailSender.js';
import { buildTestApp } from '../helpers.js';
import { startTestSmtp } from '../helpers/smtp.js';

const CLOSES = '2026-12-20T20:29:59.000Z'; // the end of 29 Azar 1405 in Tehran
const invitations = (id: string) => `/api/v1/assessments/${id}/invitations`;
const linkIn = (text: string) => /http:\/\/mehvar\.test\/r\/[\w-]+/.exec(text)![0];

/** An app configured to send through a fresh in-process SMTP server, with its sender running. */
async function mailApp(smtpOpts: Parameters<typeof startTestSmtp>[0] = {}) {
  const smtp = await startTestSmtp(smtpOpts);
  const t = await buildTestApp({ now: () => new Date('2026-12-01T09:00:00Z'), env: { SMTP_URL: smtp.url, MAIL_FROM: 'Mehvar <noreply@mehvar.test>' } });
  const sender = startMailSender(t.deps, { pollMs: 50, baseDelayMs: 50 })!;
  const { token, assessmentId, orgId } = await t.setup({ closesAt: CLOSES });
  return { t, smtp, sender, token, assessmentId, orgId };
}

describe('invitations by email', () => {
  it('mails one personal Persian link per distinct address, reports each delivery and shows no token', async () => {
    const { t, smtp, sender, token, assessmentId, orgId } = await mailApp();
    const res = await t.call('POST', invitations(assessmentId), {
      token,
      json: { role: 'staff', department: 'فروش', emails: [' Sara.Ahmadi@Example.com ', 'ali@example.org', 'sara.ahmadi@example.com'] },
    });
    await sender.stop();
    expect(res.status).toBe(201);
    expect(res.data).toEqual({
      invitations: [
        { email: 'sara.ahmadi@example.com', status: 'sent', error: null },
        { email: 'ali@example.org', status: 'sent', error: null },
      ],
      sent: 2,
      queued: 0,
      failed: 0,
      alreadyInvited: 0,
      duplicates: 1,
    });
    // Neither tokens nor invitation ids: an id would tie the address to that link's status in the list.
    const list = await t.call('GET', `${invitations(assessmentId)}?limit=10`, { token });
    expect(list.data.summary.total).toBe(2);
    for (const inv of list.data.invitations) expect(JSON.stringify(res.data)).not.toContain(inv.id);
    expect(JSON.stringify(list.data)).not.toMatch(/@example/);

    const mails = await smtp.waitFor(2);
    expect(mails.map((m) => m.to).sort()).toEqual([['ali@example.org'], ['sara.ahmadi@example.com']]);
    const m = mails.find((x) => x.to[0] === 'sara.ahmadi@example.com')!;
    expect(m.secure).toBe(true); // smtp:// upgraded with STARTTLS
    expect(m.parsed.from?.value).toEqual([{ name: 'Mehvar', address: 'noreply@mehvar.test' }]);
    expect(m.parsed.to && 'text' in m.parsed.to ? m.parsed.to.text : '').toBe('sara.ahmadi@example.com');
    expect(m.parsed.subject).toBe('دعوت به پرسش‌نامه‌ی مشتری‌مداری شرکت نمونه پارس');
    const text = m.parsed.text!;
    expect(text).toContain('شرکت نمونه پارس از شما دعوت می‌کند');
    expect(text).toContain('مهلت پاسخ: تا پایان ۲۹ آذر ۱۴۰۵');
    const html = m.parsed.html as string;
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('۲۹ آذر ۱۴۰۵');
    const link = linkIn(text);
    expect(html).toContain(`href="${link}"`);
    // The two people got different links, and each link opens that person's questionnaire.
    expect(linkIn(mails.find((x) => x.to[0] === 'ali@example.org')!.parsed.text!)).not.toBe(link);
    const form = await t.call('GET', `/api/v1/respond/${link.split('/r/')[1]}`);
    expect(form.status).toBe(200);

    // The audit log counts what was sent, and names nobody.
    const audit = await t.call('GET', `/api/v1/audit?organizationId=${orgId}`, { token });
    expect(audit.data.events.map((e: { action: string }) => e.action)).toContain('invitations.email');
    expect(JSON.stringify(audit.data)).not.toMatch(/example\.(com|org)/);
  });

  it('writes in English when asked, with an English link and a Gregorian date', async () => {
    const { t, smtp, sender, token, assessmentId } = await mailApp();
    const res = await t.call('POST', invitations(assessmentId), { token, json: { role: 'manager', emails: ['reza@example.com'], lang: 'en' } });
    await sender.stop();
    expect(res.data.invitations).toEqual([{ email: 'reza@example.com', status: 'sent', error: null }]);
    const [m] = await smtp.waitFor(1);
    expect(m.parsed.subject).toBe('Invitation: Pars Sample Co. customer-centricity questionnaire');
    expect(m.parsed.text).toContain('Please answer by the end of 20 December 2026.');
    expect(linkIn(m.parsed.text!)).toMatch(/\/r\/[\w-]+$/);
    expect(m.parsed.text).toMatch(/\/r\/[\w-]+\?lang=en/);
    expect(m.parsed.html).toContain('dir="ltr"');
  });

  it('names each bad address (422) and creates and sends nothing', async () => {
    const { t, smtp, sender, token, assessmentId } = await mailApp();
    const res = await t.call('POST', invitations(assessmentId), { token, json: { role: 'staff', emails: ['ok@example.com', 'not-an-address', 'a@b.c', 'x@example.com\r\nBcc: all@example.com'] } });
    await sender.stop();
    expect(res.status).toBe(422);
    expect(res.type).toContain('application/problem+json');
    expect(res.data.errors.map((e: { path: string }) => e.path)).toEqual(['emails.1', 'emails.2', 'emails.3']);
    // Malformed fields are named as in any body (400), for both variants of the request.
    const wrong = await t.call('POST', invitations(assessmentId), { token, json: { role: 'boss', department: '\u202Eevil', emails: ['ok@example.com'] } });
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors.map((e: { path: string }) => e.path).sort()).toEqual(['department', 'role']);
    const links = await t.call('POST', invitations(assessmentId), { token, json: { invitations: [{ role: 'staff', count: 0 }] } });
    expect(links.data.errors.map((e: { path: string }) => e.path)).toEqual(['invitations.0.count']);
    expect((await t.call('GET', `${invitations(assessmentId)}?limit=1`, { token })).data.summary.total).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it('gives an address that already has a link no second one', async () => {
    const { t, smtp, sender, token, assessmentId } = await mailApp();
    await t.call('POST', invitations(assessmentId), { token, json: { role: 'staff', emails: ['sara@example.com'] } });
    const again = await t.call('POST', invitations(assessmentId), { token, json: { role: 'staff', emails: ['SARA@example.com', 'new@example.com'] } });
    await sender.stop();
    expect(again.data.invitations).toEqual([
      { email: 'sara@example.com', status: 'alreadyInvited', error: null },
      { email: 'new@example.com', status: 'sent', error: null },
    ]);
    expect((await t.call('GET', `${invitations(assessmentId)}?limit=1`, { token })).data.summary.total).toBe(2);
    expect(smtp.received).toHaveLength(2);
  });

  it('gives each address one link when the same list is sent twice at once (a double click)', async () => {
    const { t, smtp, sender, token, assessmentId } = await mailApp();
    const json = { role: 'staff', emails: ['a@example.com', 'b@example.com', 'c@example.com'] };
    const [first, second] = await Promise.all([t.call('POST', invitations(assessmentId), { token, json }), t.call('POST', invitations(assessmentId), { token, json })]);
    await sender.stop();
    expect([first.status, second.status]).toEqual([201, 201]);
    expect([first.data.alreadyInvited, second.data.alreadyInvited].sort()).toEqual([0, 3]);
    expect((await t.call('GET', `${invitations(assessmentId)}?limit=1`, { token })).data.summary.total).toBe(3);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
  });

  it('keeps other tenants out (404) and managers read-only (403)', async () => {
    const { t, sender, assessmentId, orgId } = await mailApp();
    const other = await t.consultant('Other');
    expect((await t.call('POST', invitations(assessmentId), { token: other, json: { role: 'staff', emails: ['a@example.com'] } })).status).toBe(404);
    const manager = await t.call('POST', '/api/v1/users', { token: 'test-admin-token-0123456789abcdef', json: { role: 'manager', name: 'مدیر', organizationId: orgId } });
    expect((await t.call('POST', invitations(assessmentId), { token: manager.data.token, json: { role: 'staff', emails: ['a@example.com'] } })).status).toBe(403);
    await sender.stop();
  });
});

describe('without SMTP_URL', () => {
  it('answers 503 saying mail is not configured, creates nothing, and plain links work as before', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const res = await t.call('POST', invitations(assessmentId), { token, json: { role: 'staff', emails: ['a@example.com'] } });
    expect(res.status).toBe(503);
    expect(res.type).toContain('application/problem+json');
    expect(res.data.detail).toMatch(/Email is not configured.*SMTP_URL/);
    const reminders = await t.call('POST', `/api/v1/assessments/${assessmentId}/reminders`, { token, json: {} });
    expect(reminders.status).toBe(503);
    expect((await t.call('GET', `${invitations(assessmentId)}?limit=1`, { token })).data.summary.total).toBe(0);
    const campaign = await t.call('GET', `/api/v1/assessments/${assessmentId}/campaign`, { token });
    expect(campaign.data.mailConfigured).toBe(false);
    expect((await t.invite(token, assessmentId, 'staff', 2)).map((l) => l.url)).toHaveLength(2);
    expect(startMailSender(t.deps)).toBeUndefined();
  });
});
