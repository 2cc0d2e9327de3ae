import { createCanvas } from 'canvas';
import { describe, expect, it } from 'vitest';
import { buildConsultantApp } from './helpers.js';

// The dashboard's branding page: a form that works without JavaScript (a multipart post with the logo as
// a file) and a preview of the cover in the chosen colour with the logo.

function png(): Blob {
  const c = createCanvas(80, 40);
  const g = c.getContext('2d');
  g.fillStyle = '#8a2f4d';
  g.fillRect(0, 0, 80, 40);
  return new Blob([new Uint8Array(c.toBuffer('image/png'))], { type: 'image/png' });
}

async function postForm(c: Awaited<ReturnType<typeof buildConsultantApp>>, cookie: string, fields: Record<string, string | Blob>, lang = 'fa') {
  await c.get('/app', cookie); // stores the session
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v, ...(v instanceof Blob ? ['logo.png'] : []));
  return c.app.request(`/app/branding?lang=${lang}`, { method: 'POST', headers: { origin: 'http://localhost', cookie }, body });
}

describe('the branding page', () => {
  it('shows the default branding, saves a new one with its logo, and previews the cover in its colour', async () => {
    const c = await buildConsultantApp();
    const s = c.session(c.consultant);
    const page = await (await c.get('/app/branding', s.cookie)).text();
    expect(page).toContain('برند گزارش‌های شما');
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toContain('fill="#2f5d8a"');

    const res = await postForm(c, s.cookie, { csrf: s.csrf, firmNameFa: 'مشاوران آرمان', firmNameEn: 'Arman Advisors', primaryColor: '#8a2f4d', contact: 'arman.example', logoPng: png() });
    expect(res.status).toBe(303);
    const after = await (await c.get(res.headers.get('location')!, s.cookie)).text();
    expect(after).toContain('برند ذخیره شد');
    expect(after).toContain('fill="#8a2f4d"');
    expect(after).toContain('href="data:image/png;base64,');
    const api = await c.t.call('GET', '/api/v1/branding', { token: c.consultant });
    expect(api.data).toMatchObject({ source: 'consultant', firmName: { fa: 'مشاوران آرمان', en: 'Arman Advisors' }, primaryColor: '#8a2f4d', contact: 'arman.example' });
    expect(api.data.logoPng).not.toBeNull();

    // No new file keeps the logo; "no logo" removes it.
    await postForm(c, s.cookie, { csrf: s.csrf, firmNameFa: 'مشاوران آرمان', firmNameEn: 'Arman Advisors', primaryColor: '#8a2f4d', contact: '' });
    expect((await c.t.call('GET', '/api/v1/branding', { token: c.consultant })).data.logoPng).not.toBeNull();
    await postForm(c, s.cookie, { csrf: s.csrf, firmNameFa: 'مشاوران آرمان', firmNameEn: 'Arman Advisors', primaryColor: '#8a2f4d', contact: '', removeLogo: '1' });
    expect((await c.t.call('GET', '/api/v1/branding', { token: c.consultant })).data.logoPng).toBeNull();
  });

  it('shows the form again with a message per bad field and stores nothing', async () => {
    const c = await buildConsultantApp();
    const s = c.session(c.consultant);
    const notPng = new Blob([new TextEncoder().encode('GIF89a, not a PNG')], { type: 'image/png' });
    const res = await postForm(c, s.cookie, { csrf: s.csrf, firmNameFa: 'مشاوران آرمان', firmNameEn: 'Arman Advisors', primaryColor: 'red', logoPng: notPng }, 'en');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('The colour must be #rrggbb');
    expect(html).toContain('The logo must be an undamaged PNG file');
    expect((await c.t.call('GET', '/api/v1/branding', { token: c.consultant })).data.source).toBe('default');
  });

  it('is linked from the header for consultants only, and refused to a manager', async () => {
    const c = await buildConsultantApp();
    const s = c.session(c.consultant);
    expect(await (await c.get('/app', s.cookie)).text()).toContain('href="/app/branding');
    const org = await c.t.call('POST', '/api/v1/organizations', { token: c.consultant, json: { name: { fa: 'شرکت نمونه پارس' } } });
    const manager = await c.t.call('POST', '/api/v1/users', { token: 'test-admin-token-0123456789abcdef', json: { role: 'manager', name: 'm', organizationId: org.data.id } });
    const m = c.session(manager.data.token);
    expect(await (await c.get('/app', m.cookie)).text()).not.toContain('href="/app/branding');
    expect((await c.get('/app/branding', m.cookie)).status).toBe(403);
  });
});
