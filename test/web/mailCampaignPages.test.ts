import { describe, expect, it } from 'vitest';
import { startMailSender } from '../../src/services/mailSender.js';
import { ADMIN_TOKEN } from '../helpers.js';
import { startTestSmtp } from '../helpers/smtp.js';
import { buildConsultantApp } from './helpers.js';

async function withAssessment(env: Record<string, string> = {}) {
  const c = await buildConsultantApp({ env });
  const org = await c.t.call('POST', '/api/v1/organizations', { token: c.consultant, json: { name: { fa: 'شرکت نمونه پارس', en: 'Pars Sample Co.' } } });
  const a = await c.t.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, { token: c.consultant, json: { title: 'ارزیابی ۱۴۰۵', questionnaireId: 'mehvar-core', closesAt: '2099-12-20T20:29:59.000Z' } });
  return { ...c, orgId: org.data.id as string, id: a.data.id as string };
}

describe('the dashboard’s email campaign', () => {
  it('invites a pasted list by email, shows each address once, then only counts, and sends reminders without a repeat on reload', async () => {
    const smtp = await startTestSmtp();
    const c = await withAssessment({ SMTP_URL: smtp.url });
    const sender = startMailSender(c.t.deps, { pollMs: 50 })!;
    const s = c.session(c.consultant);

    const page = await (await c.get(`/app/assessments/${c.id}`, s.cookie)).text();
    expect(page).toContain('id="campaign"');
    expect(page).toContain(`href="/app/assessments/${c.id}/email"`);
    expect(page).not.toContain('id="remind"'); // nobody to remind yet

    const form = await c.get(`/app/assessments/${c.id}/email`, s.cookie);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="emails"');

    // A typo on line 3: named by its line in Persian digits, nothing created or sent.
    const bad = await c.post(`/app/assessments/${c.id}/email`, { csrf: s.csrf, role: 'staff', department: '', lang: 'fa', emails: 'sara@example.com\nali@example.org\nreza@example' }, s.cookie);
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('این سطرها نشانی ایمیل درستی نیستند: ۳.');
    expect(badHtml).toContain('reza@example'); // what was typed comes back to be fixed
    expect(smtp.received).toHaveLength(0);

    const sent = await c.post(`/app/assessments/${c.id}/email`, { csrf: s.csrf, role: 'staff', department: '', lang: 'fa', emails: 'Sara@Example.com\r\nali@example.org, sara@example.com\n\n' }, s.cookie);
    expect(sent.status).toBe(200);
    const outcome = await sent.text();
    expect(outcome).toContain('۲ فرستاده شد');
    expect(outcome.match(/data-status="sent"/g)).toHaveLength(2);
    expect(outcome).toContain('sara@example.com');
    await smtp.waitFor(2);

    // Afterwards the assessment page counts messages and names nobody.
    const after = await (await c.get(`/app/assessments/${c.id}`, s.cookie)).text();
    expect(after).toMatch(/data-count="invitations\.sent"[^>]*>۲</);
    expect(after).not.toMatch(/example\.(com|org)/);
    expect(after).toContain('id="remind"');

    const remind = await c.post(`/app/assessments/${c.id}/reminders`, { csrf: s.csrf, note: 'لطفاً تا پایان هفته پاسخ دهید.' }, s.cookie);
    expect(remind.status).toBe(303);
    const back = remind.headers.get('location')!;
    expect(back).toBe(`/app/assessments/${c.id}?reminded=2&sent=2&queued=0#campaign`);
    const flash = await (await c.get(back.replace(/#.*/, ''), s.cookie)).text();
    expect(flash).toContain('یادآوری برای ۲ نفر آماده شد: ۲ فرستاده شد');
    await smtp.waitFor(4);
    // Reloading the page it redirected to sends nothing more.
    await c.get(back.replace(/#.*/, ''), s.cookie);
    await sender.stop();
    expect(smtp.received).toHaveLength(4);
    expect(smtp.received[3].parsed.text).toContain('لطفاً تا پایان هفته پاسخ دهید.');
  });

  it('schedules the automatic reminder from the card, Persian digits accepted, and refuses a bad number', async () => {
    const smtp = await startTestSmtp();
    const c = await withAssessment({ SMTP_URL: smtp.url });
    const s = c.session(c.consultant);
    expect(await (await c.get(`/app/assessments/${c.id}`, s.cookie)).text()).toContain('id="schedule"');
    const saved = await c.post(`/app/assessments/${c.id}/reminders/schedule`, { csrf: s.csrf, daysBefore: '۳' }, s.cookie);
    expect(saved.status).toBe(303);
    const page = await (await c.get(`/app/assessments/${c.id}`, s.cookie)).text();
    expect(page).toMatch(/یادآوری خودکار: ۳ روز پیش از بسته شدن، در [۰-۹]+ [^ <]+ [۰-۹]{4}/);
    const bad = await c.post(`/app/assessments/${c.id}/reminders/schedule?lang=en`, { csrf: s.csrf, daysBefore: '90' }, s.cookie);
    expect(bad.headers.get('location')).toBe(`/app/assessments/${c.id}?scheduleRefused=1&lang=en#campaign`);
    const refused = await (await c.get(bad.headers.get('location')!.replace(/#.*/, ''), s.cookie)).text();
    expect(refused).toContain('The number of days must be a whole number from 1 to 60; nothing was changed.');
    expect(refused).toContain('Automatic reminder: 3 days before closing');
  });

  it('shows a manager the counts but no way to send', async () => {
    const smtp = await startTestSmtp();
    const c = await withAssessment({ SMTP_URL: smtp.url });
    const manager = await c.t.call('POST', '/api/v1/users', { token: ADMIN_TOKEN, json: { role: 'manager', name: 'مدیر', organizationId: c.orgId } });
    const s = c.session(manager.data.token);
    const page = await (await c.get(`/app/assessments/${c.id}`, s.cookie)).text();
    expect(page).toContain('id="mail-counts"');
    expect(page).not.toContain('id="invite-by-email"');
    expect((await c.post(`/app/assessments/${c.id}/email`, { csrf: s.csrf, role: 'staff', lang: 'fa', emails: 'a@example.com' }, s.cookie)).status).toBe(403);
    expect((await c.post(`/app/assessments/${c.id}/reminders`, { csrf: s.csrf }, s.cookie)).status).toBe(403);
  });

  it('says plainly when mail is not configured, in both languages', async () => {
    const c = await withAssessment();
    const s = c.session(c.consultant);
    const fa = await (await c.get(`/app/assessments/${c.id}`, s.cookie)).text();
    expect(fa).toContain('ارسال ایمیل روی این سرور راه‌اندازی نشده است');
    const en = await (await c.get(`/app/assessments/${c.id}?lang=en`, s.cookie)).text();
    expect(en).toContain('Email is not set up on this server (SMTP_URL is not set)');
    const form = await c.get(`/app/assessments/${c.id}/email?lang=en`, s.cookie);
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe(`/app/assessments/${c.id}?lang=en#campaign`);
  });
});
