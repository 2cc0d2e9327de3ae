import { describe, expect, it } from 'vitest';
import { decodeAnswers, DONT_KNOW, UNANSWERED } from '../../src/domain/answers.js';
import { buildTestApp, type TestApp } from '../helpers.js';

// Issue 14: responses.csv as downloaded did not import again (its response_id column was refused), and files
// saved by Excel in UTF-16 or Windows-1256, Persian digits and N/A were refused or read as garbage.

const importUrl = (id: string) => `/api/v1/assessments/${id}/responses/import`;

/** Sends raw bytes, as a browser or curl uploads a file. */
async function upload(t: TestApp, token: string, assessmentId: string, bytes: Uint8Array, type = 'text/csv') {
  const res = await t.app.request(importUrl(assessmentId), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body: bytes });
  return { status: res.status, type: res.headers.get('content-type') ?? '', data: JSON.parse(await res.text()) };
}

/** Every stored response of an assessment as role, department and answers, in a fixed order. */
async function stored(t: TestApp, assessmentId: string) {
  const rows = await t.db.selectFrom('responses').select(['role', 'department', 'answers']).where('assessment_id', '=', assessmentId).execute();
  return rows.map((r) => JSON.stringify([r.role, r.department, Array.from(decodeAnswers(r.answers))])).sort();
}

/**
 * Windows-1256 bytes for a text, from the decoder's own table (Node has no encoder for it). The code page has
 * no Persian yeh, so, like Excel, the Arabic one is written; the import makes it Persian again.
 */
function windows1256(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map(Array.from({ length: 256 }, (_, b) => [decoder.decode(Uint8Array.of(b)), b]));
  const byteOf = (ch: string) => {
    const b = table.get(ch === 'ی' ? 'ي' : ch);
    if (b === undefined) throw new Error(`no Windows-1256 byte for ${ch}`);
    return b;
  };
  return Uint8Array.from([...text].map(byteOf));
}

const utf16le = (text: string) => Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Uint8Array.from([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);

describe('CSV round trip and encodings', () => {
  it('re-imports responses.csv exactly as downloaded into a second assessment, with the same answers', async () => {
    const t = await buildTestApp();
    const { token, orgId, assessmentId } = await t.setup();
    const links = await t.invite(token, assessmentId, 'staff', 6, 'فروش');
    for (const [i, link] of links.entries()) {
      const answers = { 'org.know': (i % 5) + 1, 'org.values': i % 2 ? null : 4, 'cust.service': ((i + 2) % 5) + 1, ...(i === 3 ? { 'cust.process': null } : {}) };
      expect((await t.call('POST', `/api/v1/respond/${link.token}/submit`, { json: { answers } })).status).toBe(200);
    }
    expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/close`, { token })).status).toBe(200);
    const download = await t.app.request(`/api/v1/assessments/${assessmentId}/export/responses.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(download.status).toBe(200);
    const bytes = new Uint8Array(await download.arrayBuffer());

    const second = await t.call('POST', `/api/v1/organizations/${orgId}/assessments`, { token, json: { title: 'دور دوم', questionnaireId: 'tiny' } });
    const res = await upload(t, token, second.data.id, bytes);
    expect(res).toMatchObject({ status: 201, data: { imported: 6 } });
    expect(await stored(t, second.data.id)).toEqual(await stored(t, assessmentId));
  });

  it('reads UTF-16 LE and BE with a byte-order mark, and Windows-1256 without one', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const csv = (dept: string) => `role,department,org.know,cust.service\r\nstaff,${dept},4,NA\r\nmanager,${dept},2,\r\n`;
    for (const [bytes, dept] of [[utf16le(csv('فروش')), 'فروش'], [utf16be(csv('مالی')), 'مالی'], [windows1256(csv('پشتیبانی')), 'پشتیبانی']] as const) {
      const res = await upload(t, token, assessmentId, bytes);
      expect(res).toMatchObject({ status: 201, data: { imported: 2 } });
      const rows = await t.db.selectFrom('responses').select('department').where('department', '=', dept).execute();
      expect(rows).toHaveLength(2);
    }
    const declared = await upload(t, token, assessmentId, windows1256(csv('انبار')), 'text/csv; charset=windows-1256');
    expect(declared.status).toBe(201);
    expect(await t.db.selectFrom('responses').selectAll().execute()).toHaveLength(8);
  });

  it('accepts Persian and Arabic-Indic digits, NA for don\'t know, and separators other than the comma', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const csv = 'role;department;org.know;org.values;cust.service\nstaff;فروش;۴;NA;٣\nstaff;;NA;۵;NA\n';
    const res = await upload(t, token, assessmentId, new TextEncoder().encode(csv));
    expect(res).toMatchObject({ status: 201, data: { imported: 2 } });
    // Item order: org.know, org.values, org.bureaucracy, cust.service, cust.contact, cust.process
    const rows = (await stored(t, assessmentId)).map((r) => JSON.parse(r)[2].slice(0, 4));
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(expect.arrayContaining([[4, DONT_KNOW, UNANSWERED, 3], [DONT_KNOW, 5, UNANSWERED, DONT_KNOW]]));
  });

  // Issue 16: N/A and na mean "not applicable", which this questionnaire does not offer (see notApplicable.test.ts).
  it('refuses N/A, n/a and na where the questionnaire offers no "not applicable", naming the cell', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const res = await upload(t, token, assessmentId, new TextEncoder().encode('role,department,org.know,org.values,cust.service\nstaff,,N/A,n/a,na\n'));
    expect(res.status).toBe(422);
    expect(res.data.errors.map((e: { path: string }) => e.path)).toEqual(['row 2, column org.know', 'row 2, column org.values', 'row 2, column cust.service']);
    expect(res.data.errors[0].message).toBe('questionnaire tiny v1 has no "not applicable" answer');
  });

  it('refuses what it cannot read, naming the encoding, and stores nothing', async () => {
    const t = await buildTestApp();
    const { token, assessmentId } = await t.setup();
    const csv = 'role,department,org.know\nstaff,پشتیبانی,4\n';
    const cases = [
      [windows1256(csv), 'text/csv; charset=utf-8', 422, 'content-type', /not valid utf-8/],
      [new TextEncoder().encode(csv), 'text/csv; charset=x-klingon', 415, 'content-type', /charset "x-klingon"/],
      [Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'text/csv', 415, 'body', /\.xlsx/],
    ] as const;
    for (const [bytes, type, status, path, message] of cases) {
      const res = await upload(t, token, assessmentId, bytes, type);
      expect(res.status).toBe(status);
      expect(res.type).toContain('application/problem+json');
      expect(res.data.errors[0].path).toBe(path);
      expect(res.data.errors[0].message).toMatch(message);
    }
    expect(await t.db.selectFrom('responses').selectAll().execute()).toHaveLength(0);
  });
});

