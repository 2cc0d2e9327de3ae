import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers.js';
import { pdfText } from '../reports/pdf-helpers.js';

// Issue 20: the trend compares the customers' scores across rounds as well.

const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');

describe("the trend's customer scores", () => {
  it('gives each round its customer score per factor (from k customers on) and the change, Welch-tested', async () => {
    const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
    const token = await t.consultant();
    const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'شرکت نمونه' } } });
    const q = t.deps.questionnaires.get('mehvar-core')!.definition;
    const round = async (title: string, customerAnswers: number[]) => {
      const a = await t.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, { token, json: { title, questionnaireId: 'mehvar-core' } });
      const responses = Array.from({ length: 5 }, () => ({ role: 'staff', answers: Object.fromEntries(q.items.map((i) => [i.id, i.reverse ? 2 : 4])) }));
      await t.call('POST', `/api/v1/assessments/${a.data.id}/responses/import`, { token, json: { responses } });
      const link = (await t.call('POST', `/api/v1/assessments/${a.data.id}/customer-survey`, { token, json: {} })).data.url.split('/c/')[1];
      for (const value of customerAnswers)
        await t.app.request(`/api/v1/customer/${link}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: { 'cx.courtesy': value } }) });
      await t.call('POST', `/api/v1/assessments/${a.data.id}/close`, { token });
      return a.data.id as string;
    };
    const first = await round('دور اول', [2, 2, 2, 3, 1]);
    const second = await round('دور دوم', [4, 4, 5, 4, 4]);
    const third = await round('دور سوم', [5, 5]); // fewer than k customers: no figures
    const trend = await t.call('GET', `/api/v1/organizations/${org.data.id}/trend?assessments=${first},${second},${third}&lang=en`, { token });
    expect(trend.status).toBe(200);
    const c = trend.data.customers;
    expect(c.rounds.map((r: { figuresShown: boolean }) => r.figuresShown)).toEqual([true, true, false]);
    const courtesy = c.factors.find((f: { id: string }) => f.id === 'cx.courtesy');
    expect(courtesy.name).toBe('Courtesy');
    expect(courtesy.points.map((p: { score: number | null }) => p.score)).toEqual([25, 80, null]);
    expect(courtesy.changes[0]).toMatchObject({ from: first, to: second, delta: 55, significant: true });
    expect(courtesy.changes[1]).toMatchObject({ from: second, to: third, delta: null, significant: null });
    // The staff trend is the staff's alone: 75 in every round, whatever the customers said.
    expect(trend.data.dimensions.every((d: { points: { score: number }[] }) => d.points.every((p) => p.score === 75))).toBe(true);

    // The comparison PDF has the same page, in Persian and English.
    const dir = process.env.KEEP_TEST_PDF ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-ctrend-'));
    for (const lang of ['fa', 'en'] as const) {
      const res = await t.app.request(`/api/v1/organizations/${org.data.id}/trend/report.pdf?lang=${lang}&assessments=${first},${second},${third}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      const file = path.join(dir, `customer-trend-${lang}.pdf`);
      fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
      const text = pdfText(file);
      if (lang === 'en') {
        expect(text).toContain("The customers' scores across assessments");
        expect(text).toMatch(/Courtesy\s+25\.0\s+80\.0\s+—\s+—/);
      } else expect(text).toContain('نمره‌ی مشتریان در دورها');
    }
    if (!process.env.KEEP_TEST_PDF) fs.rmSync(dir, { recursive: true, force: true });
  });
});
