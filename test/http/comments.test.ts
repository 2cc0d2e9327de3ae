import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { isPostgres } from '../../src/db/database.js';
import { buildTestApp, type TestApp } from '../helpers.js';

// Comments reach the consultant (issue 17) under the anonymity rules of ../shared/notes/anonymity.md.

const ANSWERS = { 'org.know': 3, 'org.values': 4, 'org.bureaucracy': 2, 'cust.service': 4, 'cust.contact': 3, 'cust.process': 2 };

async function submit(t: TestApp, token: string, assessmentId: string, role: 'manager' | 'staff', department: string | undefined, comments: Record<string, string>) {
  const [link] = await t.invite(token, assessmentId, role, 1, department);
  const res = await t.call('POST', `/api/v1/respond/${link.token}/submit`, { json: { answers: ANSWERS, comments } });
  expect(res.status).toBe(200);
  return res.data.responseId as string;
}

const comments = (t: TestApp, token: string, id: string, lang = 'fa') => t.call('GET', `/api/v1/assessments/${id}/comments?lang=${lang}`, { token });

describe('comments', () => {
  it('shows none below k, then every released one with contact details replaced, in no submission order', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const texts = [
      'پاسخ‌گویی به تماس‌ها کند است؛ با من تماس بگیرید: ۰۹۱۲۳۴۵۶۷۸۹',
      'پاسخگویی تلفنی ضعیف است. ali@example.com',
      'زمان انتظار برای پاسخ‌گویی طولانی است.',
      'آموزش کافی برای پاسخ‌گویی نداریم.',
    ];
    for (const text of texts) await submit(t, token, assessmentId, 'staff', 'فروش', { org: text });
    const few = await comments(t, token, assessmentId);
    expect(few.status).toBe(200);
    expect(few.data.sections).toEqual([]);
    expect(few.data.snapshot).toMatchObject({ figuresShown: false, submitted: 4 });
    await submit(t, token, assessmentId, 'staff', 'فروش', { org: 'پاسخ‌گویی در شعبه‌ها بهتر شده است.', cust: 'کیفیت خدمات خوب است' });
    const res = await comments(t, token, assessmentId);
    const org = res.data.sections.find((s: any) => s.section === 'org');
    expect(org).toMatchObject({ title: 'سازمان', n: 5 });
    const shown = org.comments.map((c: any) => c.text);
    expect(shown).toContain('پاسخ‌گویی به تماس‌ها کند است؛ با من تماس بگیرید: [•••]');
    expect(shown).toContain('پاسخگویی تلفنی ضعیف است. [•••]');
    expect(JSON.stringify(res.data)).not.toMatch(/09123|۰۹۱۲|example\.com|responseId|response_id/);
    // Five staff of فروش in one release: their group may be shown.
    expect(org.comments.every((c: any) => c.role === 'staff' && c.department === 'فروش')).toBe(true);
    expect(org.themes[0]).toMatchObject({ term: 'پاسخ‌گویی', count: 5 });
    expect(org.themes[0].examples).toHaveLength(2);
    // Stored apart from the answers: the comments table has no response id, the response row no comments.
    const stored = await t.db.selectFrom('comments').selectAll().where('assessment_id', '=', assessmentId).execute();
    expect(Object.keys(stored[0]).sort()).toEqual(['assessment_id', 'department', 'id', 'release', 'role', 'section', 'text']);
    expect(stored.some((c) => c.text.includes('۰۹۱۲'))).toBe(false);
    expect((await t.db.selectFrom('responses').select('comments').where('assessment_id', '=', assessmentId).execute()).every((r) => r.comments === null)).toBe(true);
  });

  it('replaces contact details in a saved draft too, before it is stored', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const [link] = await t.invite(token, assessmentId, 'staff', 1);
    const put = await t.call('PUT', `/api/v1/respond/${link.token}/answers`, { json: { answers: { 'org.know': 3 }, comments: { org: 'با من تماس بگیرید: ۰۹۱۲ ۳۴۵ ۶۷۸۹ یا ali@example.com' } } });
    expect(put.status).toBe(200);
    const drafts = await t.db.selectFrom('invitations').select('draft_comments').where('assessment_id', '=', assessmentId).execute();
    expect(drafts.map((d) => d.draft_comments).join()).toContain('[•••]');
    expect(drafts.map((d) => d.draft_comments).join()).not.toMatch(/۰۹۱۲|example\.com/);
  });

  it('stores released comments in an order that says nothing of who wrote which, or when', async () => {
    // What someone reading the database sees: the rows of both tables in the order they are stored (SQLite
    // rowid, PostgreSQL ctid). Stored as they came, the n-th comment rows were the n-th response's, and a
    // respondent's comments in two sections sat side by side.
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    for (let i = 0; i < 10; i++) await submit(t, token, assessmentId, 'staff', undefined, { org: `سازمان ${i}`, cust: `مشتری ${i}` });
    expect((await comments(t, token, assessmentId)).data.sections).toHaveLength(2);
    const physical = sql.raw(isPostgres(t.db) ? 'ctid' : 'rowid');
    const stored = await sql<{ text: string }>`select text from comments where assessment_id = ${assessmentId} order by ${physical}`.execute(t.db);
    const writer = stored.rows.map((r) => Number(r.text.split(' ')[1].replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x6f0))));
    expect(writer).toHaveLength(20);
    // In submission order the writers would read 0,0,1,1,2,2,…: sorted. Shuffled, they are not.
    expect(writer).not.toEqual([...writer].sort((a, b) => a - b));
    const sideBySide = writer.filter((w, i) => i > 0 && writer[i - 1] === w).length;
    expect(sideBySide).toBeLessThan(8); // about 1 expected by chance; 10 in submission order
  });

  it('shows no role or department of a comment whose group is below k', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    for (let i = 0; i < 5; i++) await submit(t, token, assessmentId, 'staff', 'فروش', { org: `نظر ${i}` });
    await submit(t, token, assessmentId, 'manager', 'مالی', { org: 'تنها مدیر مالی این را نوشت' });
    // Six in one release: the only manager of مالی is generalized, so her comment says neither.
    for (let i = 0; i < 4; i++) await submit(t, token, assessmentId, 'staff', 'فروش', { cust: `دیگری ${i}` });
    const res = await comments(t, token, assessmentId);
    const hers = res.data.sections.flatMap((s: any) => s.comments).find((c: any) => c.text === 'تنها مدیر مالی این را نوشت');
    expect(hers).toEqual({ text: 'تنها مدیر مالی این را نوشت' });
  });

  it('does not show a new comment for one new submission on an open assessment, only with k more', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    for (let i = 0; i < 5; i++) await submit(t, token, assessmentId, 'staff', undefined, { org: `نظر شماره ${i}` });
    const before = (await comments(t, token, assessmentId)).data;
    await submit(t, token, assessmentId, 'staff', undefined, { org: 'نظر تازه‌ی یک نفر' });
    const after = (await comments(t, token, assessmentId)).data;
    expect(after.sections).toEqual(before.sections);
    expect(JSON.stringify(after)).not.toContain('نظر تازه‌ی یک نفر');
  });

  it('orders comments by a hash of their random ids, the same on every read', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    for (let i = 0; i < 6; i++) await submit(t, token, assessmentId, 'staff', undefined, { org: `متن ${i}` });
    const first = (await comments(t, token, assessmentId)).data.sections[0].comments.map((c: any) => c.text);
    expect((await comments(t, token, assessmentId)).data.sections[0].comments.map((c: any) => c.text)).toEqual(first);
    const ids = await t.db.selectFrom('comments').select(['id', 'text']).where('assessment_id', '=', assessmentId).execute();
    const key = (id: string) => createHash('sha256').update(assessmentId).update('\u0000').update(id).digest('hex');
    expect(first).toEqual([...ids].sort((a, b) => (key(a.id) < key(b.id) ? -1 : 1)).map((c) => c.text));
  });

  it('keeps a comment of several lines in one CSV cell, so its second line cannot start a row (or a formula)', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const texts = ['خوب است\n=HYPERLINK("http://evil.example","x")', 'خط اول\r\nخط دوم', 'یک\rدو', 'سه\n\nچهار', 'ساده'];
    for (const text of texts) await submit(t, token, assessmentId, 'staff', undefined, { cust: text });
    const res = await t.app.request(`/api/v1/assessments/${assessmentId}/export/comments.csv?lang=en`, { headers: { authorization: `Bearer ${token}` } });
    const csv = (await res.text()).replace(/^\uFEFF/, '');
    // As a spreadsheet reads it: a line break outside quotes (CR, LF or both) ends a row.
    const rows: string[][] = parse(csv, { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true });
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.length === 5)).toBe(true);
    expect(rows.flat().some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
    const stored = rows.slice(1).map((r) => r[4]);
    expect(stored.some((cell) => cell.includes('=HYPERLINK') && cell.startsWith('خوب است'))).toBe(true);
  });

  it('exports comments.csv with BOM, formulas neutralized, under the same rules', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    for (let i = 0; i < 5; i++) await submit(t, token, assessmentId, 'staff', undefined, { cust: i === 0 ? '=SUM(A1:A9)' : `خوب ${i}` });
    const res = await t.app.request(`/api/v1/assessments/${assessmentId}/export/comments.csv?lang=en`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const buf = Buffer.from(await res.arrayBuffer());
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = buf.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('section,section_title,role,department,text');
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.includes('SUM'))).toContain("'=SUM(A1:A9)");
    expect(lines.filter((l) => l.startsWith('cust,Customer,staff,,'))).toHaveLength(5);
  });
});
