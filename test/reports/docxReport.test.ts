import fs from 'node:fs';
import path from 'node:path';
import { createCanvas } from 'canvas';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { demoAnswers, seededRandom } from '../../src/cli/demoData.js';
import { loadQuestionnaires } from '../../src/questionnaire/registry.js';
import { closeReportPool } from '../../src/reports/worker/pool.js';
import { buildTestApp, signInCookie, type TestApp } from '../helpers.js';

// GET …/report.docx: the PDF report as an editable Word document. A .docx is a zip of XML parts; these
// tests read word/document.xml and the media as Word would, without needing Word or LibreOffice.

const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');
const q = loadQuestionnaires(QUESTIONNAIRES).get('mehvar-core')!.definition;
const TITLE = 'ارزیابی مشتری‌مداری پاییز ۱۴۰۴';
// حسابداری has 3 responses, under the threshold of 5; complementary suppression then also withholds تولید.
const PEOPLE: [role: 'manager' | 'staff', department: string | undefined, count: number][] = [
  ['manager', undefined, 6],
  ['staff', 'فروش', 9],
  ['staff', 'خدمات پس از فروش', 7],
  ['staff', 'تولید', 5],
  ['staff', 'حسابداری', 3],
];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const SLOW = 60_000;
const THEME_LOGO = fs.readFileSync(path.join(import.meta.dirname, '../../reports/assets/logo.png'));

function responses(seed: number) {
  const random = seededRandom(seed);
  return PEOPLE.flatMap(([role, department, n]) => Array.from({ length: n }, () => ({ role, department, answers: demoAnswers(q, { role, department: department ?? '' }, random) })));
}

async function seed(count?: number) {
  const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES, now: () => new Date('2025-11-20T10:00:00Z') });
  const token = await t.consultant();
  const org = await t.call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'شرکت نمونه پارس', en: 'Pars Sample Co.' }, headcount: 60 } });
  const a = await t.call('POST', `/api/v1/organizations/${org.data.id}/assessments`, { token, json: { title: TITLE, questionnaireId: 'mehvar-core', targets: { culture: 70, process: 70, interaction: 75 } } });
  await t.invite(token, a.data.id, 'staff', 36);
  const imported = await t.call('POST', `/api/v1/assessments/${a.data.id}/responses/import`, { token, json: { responses: responses(1405).slice(0, count) } });
  expect(imported.status).toBe(201);
  return { t, token, id: a.data.id as string, orgId: org.data.id as string };
}

async function download(t: TestApp, url: string, headers: Record<string, string>) {
  const res = await t.app.request(url, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  const keep = process.env.KEEP_TEST_DOCX;
  if (keep && res.status === 200) fs.writeFileSync(path.join(keep, `report-${new URL(url, 'http://x').searchParams.get('lang') ?? 'fa'}-${body.length}.docx`), body);
  return { res, body };
}

interface Docx {
  xml: string;
  /** The text of each paragraph, in order. */
  paragraphs: string[];
  /** Each table row's cell texts. */
  rows: string[][];
  media: Map<string, Buffer>;
  /** Every picture in the body: its alt-text name, its width on the page in inches and its PNG. */
  images: { name: string; inches: number; png: Buffer }[];
  part: (name: string) => Promise<string>;
}

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

async function open(body: Buffer): Promise<Docx> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  const media = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))) media.set(name, await zip.file(name)!.async('nodebuffer'));
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const target = new Map([...rels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], `word/${m[2].replace(/^\/?word\//, '')}`]));
  const images = [...xml.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>/g)].map((m) => ({
    name: /<wp:docPr [^>]*name="([^"]*)"/.exec(m[0])![1],
    inches: Number(/<wp:extent cx="(\d+)"/.exec(m[0])![1]) / 914_400,
    png: media.get(target.get(/r:embed="([^"]+)"/.exec(m[0])![1])!)!,
  }));
  return {
    xml,
    images,
    paragraphs: [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => textOf(m[0])),
    rows: [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0]))),
    media,
    part: async (name) => zip.file(name)!.async('string'),
  };
}

function logoPng(): Buffer {
  const c = createCanvas(120, 60);
  const g = c.getContext('2d');
  g.fillStyle = '#8a2f4d';
  g.fillRect(10, 10, 100, 40);
  return c.toBuffer('image/png');
}

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('editable report (DOCX)', () => {
  // The Word report is drawn on the report threads, like the PDF.
  afterAll(() => closeReportPool());

  it('is a Word document with every section, Persian right to left, tables, charts at print resolution, in Vazirmatn', { timeout: SLOW }, async () => {
    const { t, token, id } = await seed();
    const { res, body } = await download(t, `/api/v1/assessments/${id}/report.docx?lang=fa`, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX_TYPE);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="mehvar-report-${id}-fa.docx"`);
    const doc = await open(body);

    // Every section of the PDF, as text one can edit; Persian kept exactly as typed, ZWNJ included.
    for (const heading of ['خلاصه‌ی مدیریتی', 'نیمرخ آمادگی در سه بُعد', 'امتیاز سطح‌ها و بخش‌ها', 'توزیع پاسخ‌ها به تفکیک پرسش', 'مقایسه‌ی نقش‌ها و واحدها', 'توصیه‌ها به ترتیب اولویت', 'پیوست: روش محاسبه'])
      expect(doc.paragraphs, heading).toContain(heading);
    expect(doc.paragraphs).toContain('شرکت نمونه پارس');
    expect(doc.paragraphs).toContain(TITLE);
    // Every item's text stands in the distributions tables.
    const cells = doc.rows.flat().join('\n');
    for (const item of q.items.slice(0, 5)) expect(cells).toContain(item.text.fa);

    // Right to left: paragraphs are bidi, runs rtl, tables laid out from the right.
    expect(doc.xml).toContain('<w:bidi/>');
    expect(doc.xml).toContain('<w:rtl/>');
    expect(doc.xml).toContain('<w:bidiVisual/>');
    expect((doc.xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(10);
    // No blank header row over a table whose columns have no labels (the counts, the ladder).
    expect(doc.rows.filter((r) => r.every((c) => c === ''))).toEqual([]);

    // Vazirmatn, named for every script in the default style and embedded.
    const styles = await doc.part('word/styles.xml');
    expect(styles).toMatch(/<w:rFonts w:ascii="Vazirmatn" w:cs="Vazirmatn" w:eastAsia="Vazirmatn" w:hAnsi="Vazirmatn"\/>/);
    expect(await doc.part('word/fontTable.xml')).toMatch(/w:name="Vazirmatn"[\s\S]*<w:embedRegular [^>]*\/>[\s\S]*<w:embedBold /);

    // The charts (radar, scores, roles, departments, and each section's answer distributions) as PNGs of at least 250 dpi at their size on the page;
    // the only other picture is the firm's logo (the installation's default theme here).
    const charts = doc.images.filter((i) => !i.png.equals(THEME_LOGO));
    expect(charts.length).toBe(4 + q.sections.length);
    for (const chart of charts) expect(pngSize(chart.png).width / chart.inches, chart.name).toBeGreaterThanOrEqual(250);
  });

  it("carries the consultant's branding: firm and logo on the cover and in every page's header, the band in the firm's colour", { timeout: SLOW }, async () => {
    const { t, token, id } = await seed();
    const auth = { authorization: `Bearer ${token}` };
    const before = await download(t, `/api/v1/assessments/${id}/report.docx?lang=fa`, auth);
    const logo = logoPng();
    const firm = { firmName: { fa: 'مشاوران مشتری‌مدار آرمان', en: 'Arman Customer-Centric Advisors' }, primaryColor: '#8A2F4D', contact: 'arman.example', logoPng: logo.toString('base64') };
    expect((await t.call('PUT', '/api/v1/branding', { token, json: firm })).status).toBe(200);
    const after = await download(t, `/api/v1/assessments/${id}/report.docx?lang=fa`, auth);
    // A changed branding is a new report, never the cached one.
    expect(after.res.headers.get('etag')).not.toBe(before.res.headers.get('etag'));
    const doc = await open(after.body);
    expect(doc.paragraphs.join('\n')).toContain('مشاوران مشتری‌مدار آرمان');
    expect(doc.paragraphs).toContain('arman.example');
    expect(doc.xml).toContain('w:fill="8A2F4D"');
    expect([...doc.media.values()].some((png) => png.equals(logo))).toBe(true);
    const header = await doc.part('word/header1.xml').catch(() => '');
    const headers = header + (await Promise.all(['word/header2.xml', 'word/header3.xml'].map((n) => doc.part(n).catch(() => '')))).join('');
    expect(textOf(headers)).toContain('مشاوران مشتری‌مدار آرمان');
    expect(headers).toContain('8A2F4D');
    const en = await open((await download(t, `/api/v1/assessments/${id}/report.docx?lang=en`, auth)).body);
    expect(en.paragraphs.join('\n')).toContain('Arman Customer-Centric Advisors');
  });

  it('leaves out a damaged logo stored before logos were checked, keeping the firm', { timeout: SLOW }, async () => {
    const { t, token, id } = await seed();
    const logo = logoPng();
    const firm = { firmName: { fa: 'مشاوران آرمان', en: 'Arman Advisors' }, primaryColor: '#8A2F4D', contact: null, logoPng: logo.toString('base64') };
    expect((await t.call('PUT', '/api/v1/branding', { token, json: firm })).status).toBe(200);
    const damaged = Buffer.from(logo);
    damaged[logo.indexOf('IDAT') + 10] ^= 0xff;
    await t.db.updateTable('brandings').set({ logo_png: damaged.toString('base64') }).execute();
    const { res, body } = await download(t, `/api/v1/assessments/${id}/report.docx?lang=fa`, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    const doc = await open(body);
    expect(doc.paragraphs.join('\n')).toContain('مشاوران آرمان');
    expect([...doc.media.values()].some((png) => png.equals(damaged))).toBe(false);
  });

  it("carries the assessment's action plan as a table, after the recommendations", { timeout: SLOW }, async () => {
    const { t, token, id, orgId } = await seed();
    const action = { assessmentId: id, title: 'آموزش کارکنان فروش', dimension: 'culture', owner: 'مدیر فروش', dueDate: '2026-03-15', status: 'doing' };
    expect((await t.call('POST', `/api/v1/organizations/${orgId}/actions`, { token, json: action })).status).toBe(201);
    const doc = await open((await download(t, `/api/v1/assessments/${id}/report.docx?lang=fa`, { authorization: `Bearer ${token}` })).body);
    const titles = doc.paragraphs;
    expect(titles.indexOf('برنامه‌ی اقدام')).toBeGreaterThan(titles.indexOf('توصیه‌ها به ترتیب اولویت'));
    const row = doc.rows.find((r) => r.includes('آموزش کارکنان فروش'));
    expect(row).toEqual(expect.arrayContaining(['مدیر فروش', 'در حال انجام']));
  });

  it('quotes what respondents said, once k of them have written, without naming who', { timeout: SLOW }, async () => {
    const { t, token, id } = await seed();
    const links = await t.invite(token, id, 'staff', 5, 'فروش');
    const said = ['پاسخ‌گویی به مشتری کند است', 'اطلاعات مشتری میان واحدها پخش نمی‌شود', 'مدیران به شکایت‌ها توجه می‌کنند', 'فرایند بازگشت کالا روشن نیست', 'کارکنان آموزش کافی ندیده‌اند'];
    for (const [i, link] of links.entries()) {
      const saved = await t.call('PUT', `/api/v1/respond/${link.token}/answers`, { json: { answers: { 'info.know-customers-users': 4 }, comments: { information: said[i] } } });
      expect(saved.status).toBe(200);
      expect((await t.call('POST', `/api/v1/respond/${link.token}/submit`, { json: { answers: {} } })).status).toBe(200);
    }
    const doc = await open((await download(t, `/api/v1/assessments/${id}/report.docx?lang=fa`, { authorization: `Bearer ${token}` })).body);
    expect(doc.paragraphs).toContain('آنچه پاسخ‌دهندگان گفتند');
    const quoted = said.filter((text) => doc.paragraphs.includes(text));
    // Up to three examples per section, as in the PDF.
    expect(quoted.length).toBeGreaterThanOrEqual(1);
    expect(quoted.length).toBeLessThanOrEqual(3);
    // No response id anywhere near them.
    expect(doc.xml).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });

  it('names a suppressed department only beside "insufficient responses", never with a figure, and leaves it out of the chart', { timeout: SLOW }, async () => {
    const { t, token, id } = await seed();
    const doc = await open((await download(t, `/api/v1/assessments/${id}/report.docx?lang=fa`, { authorization: `Bearer ${token}` })).body);
    for (const group of ['حسابداری', 'تولید']) {
      const rows = doc.rows.filter((r) => r.some((c) => c === group));
      expect(rows, group).toEqual([[group, 'پاسخ ناکافی']]);
    }
    const shown = doc.rows.find((r) => r[0] === 'فروش')!;
    expect(shown[1]).toBe('۹');
  });

  it('in English: left to right, with the English names', { timeout: SLOW }, async () => {
    const { t, token, id } = await seed();
    const doc = await open((await download(t, `/api/v1/assessments/${id}/report.docx?lang=en`, { authorization: `Bearer ${token}` })).body);
    expect(doc.paragraphs).toContain('Pars Sample Co.');
    expect(doc.paragraphs).toContain('Executive summary');
    expect(doc.xml).not.toContain('<w:bidiVisual/>');
  });

  it('below k: counts and the reason only — no chart, no score table', { timeout: SLOW }, async () => {
    const { t, token, id } = await seed(3);
    const doc = await open((await download(t, `/api/v1/assessments/${id}/report.docx?lang=fa`, { authorization: `Bearer ${token}` })).body);
    expect(doc.paragraphs).toContain('پاسخ‌ها هنوز برای نمایش اعداد کافی نیست');
    expect(doc.images.filter((i) => !i.png.equals(THEME_LOGO))).toEqual([]);
    expect(doc.paragraphs).not.toContain('خلاصه‌ی مدیریتی');
    expect(doc.rows.flat().join('\n')).not.toContain(q.items[0].text.fa);
  });

  it("is another tenant's 404; a HEAD neither builds nor records it; unchanged data gives the same file (ETag, 304)", { timeout: SLOW }, async () => {
    const { t, token, id, orgId } = await seed(6);
    const auth = { authorization: `Bearer ${token}` };
    expect((await download(t, `/api/v1/assessments/${id}/report.docx`, { authorization: `Bearer ${await t.consultant('Other')}` })).res.status).toBe(404);
    const head = await t.app.request(`/api/v1/assessments/${id}/report.docx`, { method: 'HEAD', headers: auth });
    expect(head.status).toBe(200);
    const audit = async () => JSON.stringify((await t.call('GET', `/api/v1/audit?organizationId=${orgId}&limit=100`, { token })).data);
    expect(await audit()).not.toContain('report.docx.download');
    const first = await download(t, `/api/v1/assessments/${id}/report.docx`, auth);
    const etag = first.res.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect(await audit()).toContain('report.docx.download');
    const again = await t.app.request(`/api/v1/assessments/${id}/report.docx`, { headers: { ...auth, 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('the dashboard offers both downloads next to the PDF and serves the same files', { timeout: SLOW }, async () => {
    const { t, token, id, orgId } = await seed();
    const cookie = await signInCookie(t, token);
    const page = await (await t.app.request(`/app/assessments/${id}/results`, { headers: { cookie } })).text();
    expect(page).toContain(`/app/assessments/${id}/report.docx?lang=fa`);
    expect(page).toContain(`/app/assessments/${id}/export/results.xlsx?lang=fa`);
    const docx = await download(t, `/app/assessments/${id}/report.docx?lang=fa`, { cookie });
    expect(docx.res.status).toBe(200);
    expect(docx.res.headers.get('content-type')).toBe(DOCX_TYPE);
    expect((await open(docx.body)).paragraphs).toContain('خلاصه‌ی مدیریتی');
    const xlsx = await t.app.request(`/app/assessments/${id}/export/results.xlsx?lang=en`, { headers: { cookie } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('-results-en.xlsx');
    // A HEAD on the dashboard's links answers with the file's type, without building or recording anything.
    const audited = async () => (await t.call('GET', `/api/v1/audit?organizationId=${orgId}&limit=200`, { token })).data.events.length;
    const before = await audited();
    for (const [url, type] of [[`/app/assessments/${id}/export/results.xlsx?lang=fa`, 'spreadsheetml'], [`/app/assessments/${id}/report.docx?lang=fa`, 'wordprocessingml']]) {
      const head = await t.app.request(url, { method: 'HEAD', headers: { cookie } });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toContain(type);
    }
    expect(await audited()).toBe(before);
  });
});
