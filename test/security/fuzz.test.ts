import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers.js';

// Default run keeps the suite quick; FUZZ_RUNS=10000 is the full run (see README).
const RUNS = Number(process.env.FUZZ_RUNS ?? 600);

/** The whole database as text: a rejected request must leave it identical. */
async function dump(t: TestApp): Promise<string> {
  const tables = ['users', 'organizations', 'organization_consultants', 'assessments', 'invitations', 'responses', 'audit_events'] as const;
  const parts = [];
  for (const table of tables) parts.push(JSON.stringify(await t.db.selectFrom(table).selectAll().execute()));
  return parts.join('\n');
}

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom('<script>alert(1)</script>', 'شرکت <b>نمونه</b>', 'مي\u200Cخواهيم', '\u202Eevil', '=cmd|calc', 'Robert"); DROP TABLE users;--', '\u0000', 'a'.repeat(5000)),
  fc.string({ unit: 'grapheme' }),
);
/** Mostly the real ids (so requests reach validation and handlers), sometimes hostile ones. */
const idSwap = fc.oneof({ arbitrary: fc.constant(null), weight: 6 }, { arbitrary: hostileString, weight: 1 });
const hugeNumber = fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -0, 1e-320, 3.5);
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, hostileString, hugeNumber, fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(hostileString, tie('value'), { maxKeys: 4 })),
})).value;

/** Mutations of a valid body: a field removed, retyped, added, or the whole body replaced. */
function mutated(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  return fc.oneof(
    jsonish,
    fc.constantFrom(...keys).map((k) => { const { [k]: _gone, ...rest } = valid; return rest; }),
    fc.tuple(fc.constantFrom(...keys), jsonish).map(([k, v]) => ({ ...valid, [k]: v })),
    fc.tuple(hostileString, jsonish).map(([k, v]) => ({ ...valid, [k]: v })),
  );
}

type Body = { kind: 'json'; value: unknown } | { kind: 'raw'; bytes: Uint8Array; type: string };

describe('hostile input', () => {
  it(`never answers 5xx, always problem+json, and changes nothing when it refuses (${RUNS} requests)`, async () => {
    const t = await buildTestApp();
    const s = await t.setup();
    const [inv] = await t.invite(s.token, s.assessmentId, 'staff', 1);
    const ids = { orgId: s.orgId, id: s.assessmentId, token: inv.token };

    const valid: Record<string, Record<string, unknown>> = {
      'POST /api/v1/organizations': { name: { fa: 'الف', en: 'A' }, sector: 's', headcount: 10 },
      'POST /api/v1/organizations/{orgId}/assessments': { title: 't', questionnaireId: 'tiny', anonymityThreshold: 5, targets: { culture: 50 } },
      'POST /api/v1/assessments/{id}/invitations': { invitations: [{ role: 'staff', department: 'd', count: 1 }] },
      'POST /api/v1/assessments/{id}/responses/import': { responses: [{ role: 'staff', answers: { 'org.know': 3 } }] },
      'PUT /api/v1/respond/{token}/answers': { answers: { 'org.know': 3 }, comments: { org: 'c' } },
      'POST /api/v1/users': { role: 'consultant', name: 'n' },
    };
    const routes = Object.keys(valid);
    const getRoutes = ['/api/v1/assessments/{id}/results?lang=', '/api/v1/organizations/{orgId}/trend?assessments=', '/api/v1/respond/{token}?lang=', '/api/v1/audit?limit='];

    const rawBody: fc.Arbitrary<Body> = fc.oneof(
      fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ kind: 'raw' as const, bytes: Uint8Array.from([0xff, 0xfe, ...bytes]), type: 'application/json' })),
      fc.nat({ max: 3000 }).map((depth) => ({ kind: 'raw' as const, bytes: new TextEncoder().encode('['.repeat(depth) + ']'.repeat(depth)), type: 'application/json' })),
      fc.tuple(fc.string(), fc.constantFrom('text/csv', 'application/json', 'text/plain')).map(([text, type]) => ({ kind: 'raw' as const, bytes: new TextEncoder().encode(text), type })),
    );
    // Bodies are drawn for their own route: mostly one field wrong, so requests get past the first check.
    const bodyFor = (route: string): fc.Arbitrary<Body> =>
      fc.oneof(
        { arbitrary: fc.constant({ kind: 'json' as const, value: valid[route] }), weight: 1 },
        { arbitrary: mutated(valid[route]).map((value) => ({ kind: 'json' as const, value })), weight: 6 },
        { arbitrary: rawBody, weight: 2 },
      );
    const request = fc.oneof(
      { arbitrary: fc.constantFrom(...routes).chain((route) => fc.record({ body: bodyFor(route), idSwap }).map((r) => ({ ...r, method: route.split(' ')[0], path: route.split(' ')[1] }))), weight: 4 },
      { arbitrary: fc.record({ path: fc.constantFrom(...getRoutes), q: hostileString, idSwap }).map((r) => ({ method: 'GET', path: r.path + encodeURIComponent(r.q), idSwap: r.idSwap, body: undefined })), weight: 1 },
    );

    let before = await dump(t);
    let count = 0;
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        const url = req.path.replace(/\{(\w+)\}/g, (_m, name: keyof typeof ids) => encodeURIComponent(req.idSwap ?? ids[name]));
        const headers: Record<string, string> = { authorization: `Bearer ${s.token}` };
        let payload: BodyInit | undefined;
        if (req.body?.kind === 'json') {
          payload = JSON.stringify(req.body.value) ?? 'null';
          headers['content-type'] = 'application/json';
        } else if (req.body?.kind === 'raw') {
          payload = req.body.bytes;
          headers['content-type'] = req.body.type;
        }
        const res = await t.app.request(url, { method: req.method, headers, body: payload });
        const text = await res.text();
        count++;
        expect(res.status, `${req.method} ${url} → ${text.slice(0, 300)}`).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get('content-type')).toContain('application/problem+json');
          const problem = JSON.parse(text);
          expect(problem.status).toBe(res.status);
          expect(typeof problem.detail).toBe('string');
          expect(await dump(t)).toBe(before);
        } else before = await dump(t);
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    expect(count).toBe(RUNS);
  }, 600_000);
});
