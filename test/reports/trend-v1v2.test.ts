import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toProblem } from '../../src/httpErrors.js';
import { trendReportRoutes } from '../../src/routes/trendReport.js';
import { buildTestApp, type TestApp } from '../helpers.js';

// Issue 16: an organization assessed on mehvar-core v1 and again on v2 compares the two rounds on the items
// the versions share, in the trend API and in the comparison PDF. KEEP_TREND_PDF=<dir> keeps the PDFs.

const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');
const MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-v1v2-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function save(name: string, pdf: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  if (process.env.KEEP_TREND_PDF) {
    fs.mkdirSync(process.env.KEEP_TREND_PDF, { recursive: true });
    fs.copyFileSync(file, path.join(process.env.KEEP_TREND_PDF, name));
  }
  return file;
}
const flat = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(MARKS, '').replace(/\s+/g, ' ');

/** Every item at `value` (reverse items mirrored, so each scores the same), except the ones given. */
function answers(t: TestApp, version: number, value: number, except: Record<string, number> = {}) {
  const q = t.deps.questionnaires.get('mehvar-core', version)!.definition;
  return Object.fromEntries(q.items.map((i) => [i.id, except[i.id] ?? (i.reverse ? 6 - value : value)]));
}

describe('a v1 assessment and a v2 assessment of mehvar-core', () => {
  let t: TestApp;
  let token: string;
  let orgId: string;
  let app: OpenAPIHono;
  let first: string;
  let second: string;

  beforeAll(async () => {
    let now = new Date('2025-10-01T08:00:00Z');
    t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES, now: () => now });
    token = await t.consultant();
    orgId = (await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'شرکت نمونه پارس', en: 'Pars Sample Co.' } } })).data.id;
    const round = async (version: number | undefined, rows: Record<string, number>[]) => {
      const a = await t.call('POST', `/api/v1/organizations/${orgId}/assessments`, {
        token,
        json: { title: `دور نسخه‌ی ${version ?? 'تازه'}`, questionnaireId: 'mehvar-core', ...(version && { questionnaireVersion: version }), anonymityThreshold: 3 },
      });
      expect(a.status).toBe(201);
      const imported = await t.call('POST', `/api/v1/assessments/${a.data.id}/responses/import`, { token, json: { responses: rows.map((r) => ({ role: 'staff', answers: r })) } });
      expect(imported.status).toBe(201);
      now = new Date(now.getTime() + 86_400_000);
      await t.call('POST', `/api/v1/assessments/${a.data.id}/close`, { token });
      now = new Date(now.getTime() + 180 * 86_400_000);
      return a.data as { id: string; questionnaireVersion?: number };
    };
    // v1: everything at "Completely" except the two communication items v1 called interaction and v2 calls process.
    const low = { 'modern.internal-communication': 1, 'modern.network-communication': 1 };
    first = (await round(1, [answers(t, 1, 5, low), answers(t, 1, 5, low), answers(t, 1, 5, low)])).id;
    // Without a version the assessment starts on the newest one, v2.
    second = (await round(undefined, [answers(t, 2, 4), answers(t, 2, 4), answers(t, 2, 5)])).id;
    app = new OpenAPIHono();
    app.onError((err, c) => toProblem(err, c, () => {}));
    app.route('/api/v1', trendReportRoutes(t.deps));
    app.route('/', t.app);
  }, 120_000);

  it('starts the second round on v2', async () => {
    const [a, b] = await Promise.all([first, second].map((id) => t.db.selectFrom('assessments').select('questionnaire_version').where('id', '=', id).executeTakeFirstOrThrow()));
    expect([a.questionnaire_version, b.questionnaire_version]).toEqual([1, 2]);
  });

  it('compares them in the trend API on the 44 shared items, compatibility 44/86', async () => {
    const res = await t.call('GET', `/api/v1/organizations/${orgId}/trend?lang=en&assessments=${first},${second}`, { token });
    expect(res.status).toBe(200);
    expect(res.data.compatibility).toMatchObject({ sharedItems: 44, totalItems: 86, versionsDiffer: true });
    expect(res.data.compatibility.value).toBeCloseTo(44 / 86, 12);
    expect(res.data.compatibility.value).toBeGreaterThanOrEqual(0.5);
    expect(res.data.assessments.map((a: any) => a.questionnaire.version)).toEqual([1, 2]);
    for (const s of [res.data.overall, ...res.data.dimensions]) expect(s.points.every((p: any) => p.score !== null), s.id).toBe(true);
    // Shared items are scored as v2 defines them in both rounds: the two communication items count under
    // process, so in round 1 interaction is untouched (100) and process carries their low answers.
    const dim = (id: string) => res.data.dimensions.find((d: any) => d.id === id).points[0].score;
    expect(dim('interaction')).toBe(100);
    expect(dim('process')).toBeLessThan(100);
  });

  it("says in the reader's language that the versions differ (the note was English under lang=fa)", async () => {
    const fa = await t.call('GET', `/api/v1/organizations/${orgId}/trend?lang=fa&assessments=${first},${second}`, { token });
    const en = await t.call('GET', `/api/v1/organizations/${orgId}/trend?lang=en&assessments=${first},${second}`, { token });
    expect(en.data.compatibility.note).toBe('Different questionnaire versions: compared on the 44 items they share, of 86.');
    expect(fa.data.compatibility.note).toBe('نسخه‌های پرسش‌نامه متفاوت است: مقایسه بر پایه‌ی ۴۴ پرسش مشترک از ۸۶ پرسش انجام شده است.');
  });

  it('draws the comparison PDF in Persian and English, saying which versions were compared and how', async () => {
    for (const lang of ['fa', 'en'] as const) {
      const res = await app.request(`/api/v1/organizations/${orgId}/trend/report.pdf?lang=${lang}&assessments=${first},${second}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const text = flat(save(`v1v2-${lang}.pdf`, Buffer.from(await res.arrayBuffer())));
      if (lang === 'en') {
        expect(text).toContain('These assessments used different questionnaire versions (1 and 2); they are compared on the 44 items every version shares, out of 86 items in all (compatibility 0.51).');
        // The items that moved most cite their seed text by title.
        expect(text).toMatch(/Text [1-5]: /);
      } else for (const s of ['۴۴', '۸۶', 'فرهنگ', 'فرایند', 'تعامل', 'متن']) expect(text, s).toContain(s);
      expect(text).not.toMatch(/\d{3}_[0-9a-f]{16}/);
    }
  }, 120_000);
});
