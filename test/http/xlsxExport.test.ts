import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { demoAnswers, seededRandom } from '../../src/cli/demoData.js';
import { loadQuestionnaires } from '../../src/questionnaire/registry.js';
import { buildTestApp, type TestApp } from '../helpers.js';

// GET …/export/results.xlsx: the results as a workbook a consultant opens in Excel, under the same
// anonymity rules as the results and the CSV exports.

const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');
const q = loadQuestionnaires(QUESTIONNAIRES).get('mehvar-core')!.definition;
// حسابداری has 3 responses, under the threshold of 5; complementary suppression then also withholds تولید.
const PEOPLE: [role: 'manager' | 'staff', department: string | undefined, count: number][] = [
  ['manager', undefined, 6],
  ['staff', 'فروش', 9],
  ['staff', 'خدمات پس از فروش', 7],
  ['staff', 'تولید', 5],
  ['staff', 'حسابداری', 3],
];

function responses(seed: number) {
  const random = seededRandom(seed);
  return PEOPLE.flatMap(([role, department, n]) => Array.from({ length: n }, () => ({ role, department, answers: demoAnswers(q, { role, department: department ?? '' }, random) })));
}

async function seed(count?: number) {
  const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES, now: () => new Date('2025-11-20T10:00:00Z') });
  const token = await t.consultant();
  const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'شرکت نمونه پارس', en: 'Pars Sample Co.' }, headcount: 60 } });
  const a = await t.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, { token, json: { title: 'ارزیابی مشتری‌مداری پاییز ۱۴۰۴', questionnaireId: 'mehvar-core' } });
  await t.invite(token, a.data.id, 'staff', 36);
  const imported = await t.call('POST', `/api/v1/assessments/${a.data.id}/responses/import`, { token, json: { responses: responses(1405).slice(0, count) } });
  expect(imported.status).toBe(201);
  return { t, token, id: a.data.id as string, orgId: org.data.id as string };
}

async function download(t: TestApp, token: string, url: string) {
  const res = await t.app.request(url, { headers: { authorization: `Bearer ${token}` } });
  const body = Buffer.from(await res.arrayBuffer());
  if (process.env.KEEP_TEST_XLSX) fs.writeFileSync(path.join(process.env.KEEP_TEST_XLSX, path.basename(new URL(url, 'http://x').pathname).replace('.xlsx', `-${new URL(url, 'http://x').searchParams.get('lang')}.xlsx`)), body);
  return { res, body };
}

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  return wb;
}

const column = (ws: ExcelJS.Worksheet, header: string): unknown[] => {
  const index = (ws.getRow(1).values as unknown[]).indexOf(header);
  expect(index, `column "${header}" in ${ws.name}`).toBeGreaterThan(0);
  return ws.getColumn(index).values.slice(2);
};

describe('results workbook (XLSX)', () => {
  it('has every sheet, numbers stored as numbers with formats, frozen headers, right to left in Persian', async () => {
    const { t, token, id } = await seed();
    const { res, body } = await download(t, token, `/api/v1/assessments/${id}/export/results.xlsx?lang=fa`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="mehvar-${id}-results-fa.xlsx"`);
    const wb = await workbook(body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['خلاصه', 'ابعاد', 'سطح‌ها و بخش‌ها', 'پرسش‌ها', 'تفکیک گروه‌ها', 'توصیه‌ها']);
    for (const ws of wb.worksheets) expect(ws.views[0].rightToLeft, ws.name).toBe(true);
    for (const ws of wb.worksheets.slice(1)) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    // The same figures as the results API, unrounded, as numbers with a one-decimal format.
    const results = await t.call('GET', `/api/v1/assessments/${id}/results?lang=fa`, { token });
    const dims = wb.getWorksheet('ابعاد')!;
    const scores = column(dims, 'امتیاز');
    expect(scores).toEqual(results.data.dimensions.map((d: { score: number }) => d.score));
    const scoreCell = dims.getRow(2).getCell((dims.getRow(1).values as unknown[]).indexOf('امتیاز'));
    expect(typeof scoreCell.value).toBe('number');
    expect(scoreCell.numFmt).toBe('0.0');
    expect(column(dims, 'نام')).toEqual(results.data.dimensions.map((d: { name: string }) => d.name));

    const items = wb.getWorksheet('پرسش‌ها')!;
    expect(items.rowCount).toBe(1 + q.items.length);
    const n = column(items, 'تعداد');
    const dontKnow = column(items, 'نمی‌دانم');
    expect(n.every((v) => typeof v === 'number')).toBe(true);
    expect(dontKnow.every((v) => typeof v === 'number')).toBe(true);
    // Every answer of an item is in a scale point or "don't know": 30 responses each.
    const pointHeaders = (items.getRow(1).values as string[]).filter((h) => typeof h === 'string' && h.startsWith('تعداد «'));
    expect(pointHeaders).toHaveLength(5);
    const first = items.getRow(2);
    const headerRow = items.getRow(1).values as unknown[];
    const counted = pointHeaders.reduce((sum, h) => sum + (first.getCell(headerRow.indexOf(h)).value as number), 0);
    expect(counted).toBe(n[0]);
    expect(counted + (dontKnow[0] as number)).toBeLessThanOrEqual(30);
    expect(items.getRow(2).getCell(headerRow.indexOf('سهم نمی‌دانم')).numFmt).toBe('0%');

    const summary = wb.getWorksheet('خلاصه')!;
    const text = summary.getSheetValues().flat().filter((v) => typeof v === 'string').join('\n');
    expect(text).toContain('شرکت نمونه پارس');
    expect(text).toContain('ارزیابی مشتری‌مداری پاییز ۱۴۰۴');
    expect(summary.getSheetValues().flat()).toContain(30);
  });

  it('leaves out every suppressed group, and the group withheld with it, as the results do', async () => {
    const { t, token, id } = await seed();
    const results = await t.call('GET', `/api/v1/assessments/${id}/results?lang=en`, { token });
    const suppressed = results.data.breakdowns.department.filter((g: { suppressed: boolean }) => g.suppressed).map((g: { group: string }) => g.group);
    expect(suppressed).toEqual(expect.arrayContaining(['حسابداری', 'تولید']));
    const { body } = await download(t, token, `/api/v1/assessments/${id}/export/results.xlsx?lang=en`);
    const wb = await workbook(body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Dimensions', 'Levels and sections', 'Items', 'Breakdowns', 'Recommendations']);
    expect(wb.worksheets.every((w) => !w.views[0].rightToLeft)).toBe(true);
    const breakdowns = wb.getWorksheet('Breakdowns')!;
    const groups = column(breakdowns, 'Group');
    expect(groups).toEqual(expect.arrayContaining(['Manager', 'Staff', 'فروش', 'خدمات پس از فروش']));
    for (const name of suppressed) expect(JSON.stringify(breakdowns.getSheetValues())).not.toContain(name);
    const sizes = column(breakdowns, 'n').filter((v) => typeof v === 'number') as number[];
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(5);
  });

  it("adds the assessment's action plan as an Actions sheet, due dates in the Persian calendar", async () => {
    const { t, token, id, orgId } = await seed();
    const created = await t.call('POST', `/api/v1/organizations/${orgId}/actions`, {
      token,
      json: { assessmentId: id, title: 'آموزش کارکنان فروش', dimension: 'culture', owner: 'مدیر فروش', dueDate: '2026-03-15', status: 'doing' },
    });
    expect(created.status).toBe(201);
    const wb = await workbook((await download(t, token, `/api/v1/assessments/${id}/export/results.xlsx?lang=fa`)).body);
    const actions = wb.getWorksheet('اقدام‌ها')!;
    expect(actions.views[0].rightToLeft).toBe(true);
    expect(actions.getRow(2).values).toEqual([undefined, 'آموزش کارکنان فروش', expect.any(String), 'مدیر فروش', '۲۴ اسفند ۱۴۰۴', 'در حال انجام', 'خیر']);
  });

  it('is the same file for the same figures, whenever it is written: the ETag matches and a revalidation gets 304', async () => {
    const { t, token, id } = await seed(6);
    const url = `/api/v1/assessments/${id}/export/results.xlsx?lang=fa`;
    // Only Date is faked: the zip library stamps each file with the wall-clock time it is written.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-02T09:00:00Z'));
      const first = await download(t, token, url);
      vi.setSystemTime(new Date('2026-12-02T10:17:33Z'));
      const second = await download(t, token, url);
      expect(second.body.equals(first.body)).toBe(true);
      const etag = first.res.headers.get('etag')!;
      const again = await t.app.request(url, { headers: { authorization: `Bearer ${token}`, 'if-none-match': etag } });
      expect(again.status).toBe(304);
    } finally {
      vi.useRealTimers();
    }
  });

  it('below k responses holds the counts and says why, and nothing else', async () => {
    const { t, token, id } = await seed(3);
    const { body } = await download(t, token, `/api/v1/assessments/${id}/export/results.xlsx?lang=en`);
    const wb = await workbook(body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary']);
    const values = wb.getWorksheet('Summary')!.getSheetValues().flat();
    const text = values.filter((v) => typeof v === 'string').join('\n');
    expect(text).toContain('Fewer than 5 responses are in the figures');
    expect(text).not.toMatch(/Overall score/);
    expect(values).toContain(3);
  });

  it("is another tenant's 404, is recorded, and a HEAD neither builds nor records it", async () => {
    const { t, token, id, orgId } = await seed(6);
    const other = await t.consultant('Other');
    expect((await download(t, other, `/api/v1/assessments/${id}/export/results.xlsx`)).res.status).toBe(404);
    const bad = await download(t, token, `/api/v1/assessments/${id}/export/results.xlsx?lang=de`);
    expect(bad.res.status).toBe(400);
    expect(bad.res.headers.get('content-type')).toContain('application/problem+json');
    const head = await t.app.request(`/api/v1/assessments/${id}/export/results.xlsx`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` } });
    expect(head.status).toBe(200);
    const audit = async () => (await t.call('GET', `/api/v1/audit?organizationId=${orgId}&limit=100`, { token })).data;
    expect(JSON.stringify(await audit())).not.toContain('export.xlsx');
    const got = await download(t, token, `/api/v1/assessments/${id}/export/results.xlsx`);
    expect(got.res.status).toBe(200);
    expect(got.res.headers.get('etag')).toBeTruthy();
    expect(JSON.stringify(await audit())).toContain('export.xlsx');
  });
});
