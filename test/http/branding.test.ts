import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas, loadImage } from 'canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReportPdf } from '../../src/reports/pdf/renderReport.js';
import { createReportService } from '../../src/services/reports.js';
import { ADMIN_TOKEN, buildTestApp, type TestApp } from '../helpers.js';

// A consultant sets their own firm's branding; their organizations' reports carry it on the cover, in the
// header and in the charts' colour, and a changed branding is never served from the report cache.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-branding-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function logoPng(colour = '#8a2f4d'): string {
  const c = createCanvas(120, 60);
  const g = c.getContext('2d');
  g.fillStyle = colour;
  g.fillRect(10, 10, 100, 40);
  return c.toBuffer('image/png').toString('base64');
}

/** The same PNG damaged three ways, each keeping its signature and IHDR: a byte of its image data changed, cut off before its end, and without its image data. */
function damagedPngs(png: Buffer): Buffer[] {
  const idat = png.indexOf('IDAT');
  const flipped = Buffer.from(png);
  flipped[idat + 10] ^= 0xff;
  return [flipped, png.subarray(0, idat + 12), Buffer.concat([png.subarray(0, idat - 4), png.subarray(png.indexOf('IEND') - 4)])];
}

const FIRM = {
  firmName: { fa: 'مشاوران مشتری‌مدار آرمان', en: 'Arman Customer-Centric Advisors' },
  primaryColor: '#8A2F4D',
  contact: 'arman.example · ۰۲۱-۸۸۰۰۰۰۰۰',
  logoPng: logoPng(),
};

function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
}

async function reportOf(t: TestApp, assessmentId: string, lang: 'fa' | 'en', service = createReportService(t.deps, { render: (model) => renderReportPdf(model) })) {
  const assessment = await t.db.selectFrom('assessments').selectAll().where('id', '=', assessmentId).executeTakeFirstOrThrow();
  return service.assessmentReport(assessment, lang);
}

describe('GET and PUT /api/v1/branding', () => {
  it("answers the installation's theme until the consultant sets their own, then theirs, and records the change", async () => {
    const t = await buildTestApp();
    const token = await t.consultant();
    const before = await t.call('GET', '/api/v1/branding', { token });
    expect(before.status).toBe(200);
    expect(before.data).toMatchObject({ source: 'default', firmName: { fa: 'محور', en: 'Mehvar' }, primaryColor: '#2f5d8a', contact: null });
    expect(Buffer.from(before.data.logoPng, 'base64').subarray(1, 4).toString()).toBe('PNG');

    const put = await t.call('PUT', '/api/v1/branding', { token, json: FIRM });
    expect(put.status).toBe(200);
    expect(put.data).toEqual({ ...FIRM, primaryColor: '#8a2f4d', source: 'consultant' });
    expect((await t.call('GET', '/api/v1/branding', { token })).data).toEqual(put.data);
    // Another consultant still sees the default: it is per consultant.
    expect((await t.call('GET', '/api/v1/branding', { token: await t.consultant('other') })).data.source).toBe('default');
    const audit = await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'branding.update').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a bad colour and a logo that is not a PNG, naming each field, and stores nothing', async () => {
    const t = await buildTestApp();
    const token = await t.consultant();
    const res = await t.call('PUT', '/api/v1/branding', { token, json: { ...FIRM, primaryColor: 'purple', logoPng: Buffer.from('GIF89a not a png at all').toString('base64') } });
    expect(res.status).toBe(422);
    expect(res.type).toContain('application/problem+json');
    expect(res.data.errors.map((e: { path: string }) => e.path).sort()).toEqual(['logoPng', 'primaryColor']);
    expect(res.data.errors.find((e: { path: string }) => e.path === 'logoPng').message).toMatch(/not a PNG/);
    const notBase64 = await t.call('PUT', '/api/v1/branding', { token, json: { ...FIRM, logoPng: '***' } });
    expect(notBase64.status).toBe(422);
    expect(notBase64.data.errors).toEqual([{ path: 'logoPng', message: expect.stringMatching(/base64/) }]);
    const blankName = await t.call('PUT', '/api/v1/branding', { token, json: { ...FIRM, firmName: { fa: '  ', en: 'x' } } });
    expect(blankName.status).toBe(400);
    expect(blankName.data.errors[0].path).toBe('firmName.fa');
    expect((await t.call('GET', '/api/v1/branding', { token })).data.source).toBe('default');
  });

  it('refuses a PNG whose image data is damaged or cut off, naming the field, and stores nothing', async () => {
    const t = await buildTestApp();
    const token = await t.consultant();
    for (const bad of damagedPngs(Buffer.from(FIRM.logoPng, 'base64'))) {
      const res = await t.call('PUT', '/api/v1/branding', { token, json: { ...FIRM, logoPng: bad.toString('base64') } });
      expect(res.status).toBe(422);
      expect(res.data.errors).toEqual([{ path: 'logoPng', message: expect.stringMatching(/damaged|incomplete/) }]);
    }
    expect(await t.db.selectFrom('brandings').selectAll().execute()).toEqual([]);
  });

  it('refuses a logo over 256 KiB', async () => {
    const t = await buildTestApp({ env: { MAX_BODY_BYTES: '1000000' } });
    const token = await t.consultant();
    const big = Buffer.alloc(300 * 1024);
    Buffer.from(FIRM.logoPng, 'base64').copy(big);
    const res = await t.call('PUT', '/api/v1/branding', { token, json: { ...FIRM, logoPng: big.toString('base64') } });
    expect(res.status).toBe(422);
    expect(res.data.errors).toEqual([{ path: 'logoPng', message: expect.stringMatching(/256 KiB/) }]);
  });

  it('is for consultants: a manager and the admin are refused, no token is 401', async () => {
    const t = await buildTestApp();
    const { orgId } = await t.setup();
    const manager = await t.call('POST', '/api/v1/users', { token: ADMIN_TOKEN, json: { role: 'manager', name: 'm', organizationId: orgId } });
    expect((await t.call('GET', '/api/v1/branding', { token: manager.data.token })).status).toBe(403);
    expect((await t.call('PUT', '/api/v1/branding', { token: ADMIN_TOKEN, json: FIRM })).status).toBe(403);
    expect((await t.call('GET', '/api/v1/branding')).status).toBe(401);
  });
});

describe('branded reports', () => {
  it("puts the firm on the cover and in every page's header, and a new branding gives a new report, not the cached one", async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const service = createReportService(t.deps, { render: (model) => renderReportPdf(model) });

    const plain = pdfText(await reportOf(t, assessmentId, 'fa', service), 'plain.pdf');
    expect(plain).toContain('محور');
    expect(plain).not.toContain(FIRM.firmName.fa);

    await t.call('PUT', '/api/v1/branding', { token, json: FIRM });
    const fa = pdfText(await reportOf(t, assessmentId, 'fa', service), 'fa.pdf');
    const pages = fa.split('\f').filter((p) => p.trim());
    for (const page of pages) expect(page).toContain(FIRM.firmName.fa);
    expect(fa).toContain('arman.example');
    const en = pdfText(await reportOf(t, assessmentId, 'en', service), 'en.pdf');
    expect(en).toContain(FIRM.firmName.en);

    const renamed = await t.call('PUT', '/api/v1/branding', { token, json: { ...FIRM, firmName: { fa: 'آرمان نو', en: 'Arman New' } } });
    expect(renamed.status).toBe(200);
    expect(pdfText(await reportOf(t, assessmentId, 'en', service), 'en2.pdf')).toContain('Arman New');
  });

  it('draws the report without the logo when a damaged one was stored before logos were checked', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    await t.call('PUT', '/api/v1/branding', { token, json: FIRM });
    const [damaged] = damagedPngs(Buffer.from(FIRM.logoPng, 'base64'));
    await t.db.updateTable('brandings').set({ logo_png: damaged.toString('base64') }).execute();
    const file = path.join(dir, 'damaged-logo.pdf');
    fs.writeFileSync(file, await reportOf(t, assessmentId, 'fa'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(FIRM.firmName.fa.split(' ')[0]);
    const logos = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').filter((l) => /\s120\s+60\s/.test(l));
    expect(logos).toEqual([]);
  });

  it('draws the charts in the firm\'s colour', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup({ anonymityThreshold: 3 });
    const ids = ['org.know', 'org.values', 'org.bureaucracy', 'cust.service', 'cust.contact', 'cust.process'];
    const responses = [2, 3, 4, 4, 5].map((v) => ({ role: 'staff', answers: Object.fromEntries(ids.map((id) => [id, v])) }));
    expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/responses/import`, { token, json: { responses } })).status).toBeLessThan(300);
    await t.call('POST', `/api/v1/assessments/${assessmentId}/close`, { token });
    const service = createReportService(t.deps, { render: (model) => renderReportPdf(model) });

    const brandPixels = async (name: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, await reportOf(t, assessmentId, 'en', service));
      const prefix = path.join(dir, `${name}-img`);
      execFileSync('pdfimages', ['-png', file, prefix]);
      let count = 0;
      for (const png of fs.readdirSync(dir).filter((f) => f.startsWith(`${name}-img`))) {
        const image = await loadImage(path.join(dir, png));
        const c = createCanvas(image.width, image.height);
        const g = c.getContext('2d');
        g.drawImage(image, 0, 0);
        const px = g.getImageData(0, 0, image.width, image.height).data;
        // The radar's outline and points and the section bars: #8a2f4d, give or take antialiasing (every 4th pixel).
        for (let i = 0; i < px.length; i += 16) if (Math.abs(px[i] - 0x8a) < 8 && Math.abs(px[i + 1] - 0x2f) < 8 && Math.abs(px[i + 2] - 0x4d) < 8) count++;
      }
      return count;
    };
    expect(await brandPixels('default.pdf')).toBe(0);
    await t.call('PUT', '/api/v1/branding', { token, json: { ...FIRM, logoPng: null } });
    const n = await brandPixels('branded.pdf');
    expect(n).toBeGreaterThan(2000);
  }, 60_000);
});
