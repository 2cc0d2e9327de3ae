import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildTestApp } from '../helpers.js';
import { pdfText } from './pdf-helpers.js';

// Issue 20: the report section "In the customers' eyes", in Persian and English.

const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');

async function reportWithCustomers(customers: number) {
  const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
  const { token, assessmentId } = await t.setup({ questionnaireId: 'mehvar-core' });
  const q = t.deps.questionnaires.get('mehvar-core')!.definition;
  // Staff think well of themselves (4s); customers less so (2s and 3s).
  const responses = Array.from({ length: 6 }, (_, r) => ({ role: 'staff', answers: Object.fromEntries(q.items.map((item, i) => [item.id, item.reverse ? 2 : 3 + ((i + r) % 2)])) }));
  await t.call('POST', `/api/v1/assessments/${assessmentId}/responses/import`, { token, json: { responses } });
  const survey = await t.call('POST', `/api/v1/assessments/${assessmentId}/customer-survey`, { token, json: {} });
  const link = survey.data.url.split('/c/')[1];
  const cq = t.deps.questionnaires.customer()!.definition;
  for (let c = 0; c < customers; c++) {
    const answers = Object.fromEntries(cq.items.map((item, i) => [item.id, 1 + ((i + c) % 3)]));
    await t.app.request(`/api/v1/customer/${link}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers }) });
  }
  const pdf = async (lang: 'fa' | 'en') => {
    const res = await t.app.request(`/api/v1/assessments/${assessmentId}/report.pdf?lang=${lang}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const dir = process.env.KEEP_TEST_PDF ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-customers-'));
    const file = path.join(dir, `customers-${customers}-${lang}.pdf`);
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    if (!process.env.KEEP_TEST_PDF) onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    return pdfText(file);
  };
  const docx = async (lang: 'fa' | 'en') => {
    const res = await t.app.request(`/api/v1/assessments/${assessmentId}/report.docx?lang=${lang}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    return zip.file('word/document.xml')!.async('string');
  };
  return { pdf, docx };
}

describe("the report's section on the customers' view", () => {
  it('shows staff beside customers per factor, the gaps ranked and recommendations, in Persian and English', async () => {
    const { pdf } = await reportWithCustomers(6);
    const fa = await pdf('fa');
    expect(fa).toContain('از نگاه مشتریان');
    expect(fa).toContain('پیشنهادها برای');
    expect(fa).toContain('کیفیت محصول');
    const en = await pdf('en');
    expect(en).toContain("In the customers' eyes");
    expect(en).toContain('The gaps, largest first');
    expect(en).toContain('Recommendations for the largest gaps');
    expect(en).toContain('Courtesy');
  }, 60_000);

  it('is in the Word report too: the ranked gaps and the recommendations', async () => {
    const { docx } = await reportWithCustomers(6);
    const en = await docx('en');
    expect(en).toContain('In the customers&apos; eyes');
    expect(en).toContain('The gaps, largest first');
    expect(en).toContain('Recommendations for the largest gaps');
    expect(await docx('fa')).toContain('از نگاه مشتریان');
  }, 60_000);

  it('says why it shows no customer figures below k', async () => {
    const { pdf } = await reportWithCustomers(3);
    const en = await pdf('en');
    expect(en).toContain("In the customers' eyes");
    expect(en).toContain('3 customers have answered so far');
    expect(en).not.toContain('The gaps, largest first');
  }, 60_000);
});
