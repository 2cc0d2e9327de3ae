import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoAnswers, seededRandom } from '../../src/cli/demoData.js';
import { renderReportPdf } from '../../src/reports/pdf/renderReport.js';
import { closeReportPool } from '../../src/reports/worker/pool.js';
import { reportRoutes } from '../../src/routes/report.js';
import { OpenAPIHono } from '@hono/zod-openapi';
import { buildTestApp, type TestApp } from '../helpers.js';

const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');
// Strips the invisible direction marks poppler puts around runs.
const text = (pdf: Buffer) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-bm-')), 'r.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
};

afterAll(() => closeReportPool());

async function closedAssessment(t: TestApp, token: string, name: string, seed: number) {
  const q = t.deps.questionnaires.get('mehvar-core')!.definition;
  const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: name, en: `Org ${seed}` } } });
  const a = await t.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, { token, json: { title: 'ارزیابی', questionnaireId: 'mehvar-core' } });
  const random = seededRandom(seed);
  const rows = Array.from({ length: 6 }, () => ({ role: 'staff', answers: demoAnswers(q, { role: 'staff', department: '' }, random) }));
  await t.call('POST', `/api/v1/assessments/${a.data.id}/responses/import`, { token, json: { responses: rows } });
  await t.call('POST', `/api/v1/assessments/${a.data.id}/close`, { token });
  return a.data.id as string;
}

describe('benchmark section of the assessment report', () => {
  it('appears with percentiles when 5 other organizations qualify, never naming them, and not before', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const token = await t.consultant();
    const app = new OpenAPIHono();
    app.route('/api/v1', reportRoutes(t.deps, { render: renderReportPdf }));
    const get = async (id: string, lang: string) =>
      Buffer.from(await (await app.request(`/api/v1/assessments/${id}/report.pdf?lang=${lang}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());

    const own = await closedAssessment(t, token, 'شرکت نمونه پارس', 1);
    for (let i = 0; i < 4; i++) await closedAssessment(t, token, `سازمان محرمانه ${i}`, 10 + i);
    expect(text(await get(own, 'en'))).not.toContain('Standing among other organizations');

    await closedAssessment(t, token, 'سازمان محرمانه ۵', 20);
    const en = text(await get(own, 'en'));
    expect(en).toContain('Standing among other organizations');
    expect(en).toContain('Percentile');
    expect(en).toMatch(/latest closed assessment of 5 other organizations/);
    const faPdf = await get(own, 'fa');
    if (process.env.KEEP_PDF_DIR) fs.writeFileSync(path.join(process.env.KEEP_PDF_DIR, 'benchmark-fa.pdf'), faPdf);
    const fa = text(faPdf);
    expect(fa).toContain('جایگاه در میان');
    expect(fa).not.toContain('محرمانه');
  }, 120_000);
});
