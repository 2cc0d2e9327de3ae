import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commentsSection } from '../../src/reports/model/comments.js';
import { createFmt } from '../../src/reports/model/format.js';
import { closeReportPool } from '../../src/reports/worker/pool.js';
import { buildTestApp, type TestApp } from '../helpers.js';

// "What respondents said" in the PDF report (issue 17), read back with pdftotext.

const ANSWERS = { 'org.know': 3, 'org.values': 4, 'org.bureaucracy': 2, 'cust.service': 4, 'cust.contact': 3, 'cust.process': 2 };
// Bidi marks and isolates the report inserts around mixed-direction runs; they are not text a reader sees.
const MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// The PDF's text layer drops ZWNJ today (issue 21), so both sides are compared without it.
const noZwnj = (s: string) => s.replace(/\u200C/g, '');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-comments-'));
afterAll(async () => {
  await closeReportPool();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function pdfText(t: TestApp, token: string, id: string, lang: 'fa' | 'en') {
  const res = await t.app.request(`/api/v1/assessments/${id}/report.pdf?lang=${lang}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const file = path.join(dir, `${id}-${lang}.pdf`);
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return noZwnj(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(MARKS, ''));
}

async function withComments(n: number) {
  const t = await buildTestApp();
  const { token, assessmentId } = await t.setup();
  const texts = ['پاسخ‌گویی به تماس‌ها کند است.', 'پاسخگویی تلفنی ضعیف است.', 'زمان انتظار برای پاسخ‌گویی طولانی است.', 'آموزش برای پاسخ‌گویی کم است.', 'کیفیت خدمات خوب است.'];
  for (let i = 0; i < n; i++) {
    const [link] = await t.invite(token, assessmentId, 'staff', 1, 'فروش');
    await t.call('POST', `/api/v1/respond/${link.token}/submit`, { json: { answers: ANSWERS, comments: { org: texts[i % texts.length] } } });
  }
  return { t, token, assessmentId };
}

describe('the report\'s "What respondents said"', () => {
  it('shows each section\'s themes and up to three comments, in Persian and English', async () => {
    const { t, token, assessmentId } = await withComments(5);
    const fa = await pdfText(t, token, assessmentId, 'fa');
    expect(fa).toContain(noZwnj('آنچه پاسخ‌دهندگان گفتند'));
    // The themes are chips, each term beside its count.
    expect(fa).toContain(noZwnj('موضوع‌های پرتکرار:'));
    expect(fa.split('\n').some((line) => line.includes(noZwnj('پاسخ‌گویی')) && line.includes('۴'))).toBe(true);
    expect(fa.match(/کارمند\s*،\s*فروش/g)?.length).toBe(3);
    const en = await pdfText(t, token, assessmentId, 'en');
    expect(en).toContain('What respondents said');
    expect(en).toContain('Organization (5 comments)');
    expect(en).toContain('Recurring themes:');
    expect(en.split('\n').some((line) => line.includes(noZwnj('پاسخ‌گویی')) && line.includes('4'))).toBe(true);
  }, 60_000);

  it('quotes three different comments when two respondents wrote the same words', () => {
    const same = 'فرایند ثبت سفارش طولانی است.';
    const comments = [same, same, 'امضاها زیاد است.', same, 'فرایند بازگشت کالا پیچیده است.'].map((text) => ({ text }));
    const snapshot = { submitted: 5, inFigures: 5, figuresShown: true, pending: 0, nextUpdateAfter: null, final: true, k: 5 };
    const section = commentsSection({ assessmentId: 'a', lang: 'fa', snapshot, sections: [{ section: 'org', title: 'سازمان', n: 5, comments, themes: [] }] }, createFmt('fa'));
    expect(section!.sections[0].quotes.map((q) => q.text.text)).toEqual([same, 'امضاها زیاد است.', 'فرایند بازگشت کالا پیچیده است.']);
  });

  it('has no such section below k', async () => {
    const { t, token, assessmentId } = await withComments(4);
    const en = await pdfText(t, token, assessmentId, 'en');
    expect(en).not.toContain('What respondents said');
    expect(en).not.toContain('پاسخ');
  }, 60_000);
});
