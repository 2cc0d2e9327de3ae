import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers.js';

/**
 * Issue 14: every JSON body was documented as an untyped object, so a client generated with
 * openapi-typescript had `org.id` and `overall.score` as `unknown` and the submit body as `never`. This
 * generates that client from /openapi.json and type-checks programs that use it.
 */

// Resolved through openapi-typescript, whose dependency it is, so the two never disagree about OpenAPI.
const redocly: typeof import('@redocly/openapi-core') = createRequire(createRequire(import.meta.url).resolve('openapi-typescript'))('@redocly/openapi-core');

type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
type Operation = { operationId?: string; responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> };

async function openapiDocument(): Promise<Doc> {
  const t = await buildTestApp();
  const res = await t.call('GET', '/openapi.json');
  expect(res.status).toBe(200);
  return res.data as Doc;
}

const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${p}`, op })));

/** Type-checks `files` (name → source) next to the generated `api.ts`, strict; returns the diagnostics by file and line. */
function typeCheck(dir: string, files: Record<string, string>): { file: string; line: number; message: string }[] {
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const program = ts.createProgram(
    Object.keys(files).map((name) => path.join(dir, name)),
    { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [], skipLibCheck: true },
  );
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file ? path.basename(d.file.fileName) : '(global)',
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}

const header = `import type { components, operations, paths } from './api.js';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Org = Json<paths['/api/v1/organizations/{orgId}']['get']['responses'][200]>;
type Results = Json<paths['/api/v1/assessments/{id}/results']['get']['responses'][200]>;
type SubmitBody = NonNullable<paths['/api/v1/respond/{token}/submit']['post']['requestBody']>['content']['application/json'];
type DraftBody = operations['saveAnswers']['requestBody']['content']['application/json'];
declare const org: Org;
declare const results: Results;
`;

// What an integrator writes: each line holds only if the generated types are the real ones.
const uses = `${header}
const id: string = org.id;
const nameEn: string | null = org.name.en;
const headcount: number | null = org.headcount;
const status: 'open' | 'closed' | undefined = org.assessments[0]?.status;
const responseRate: number | null | undefined = org.assessments[0]?.respondents?.responseRate;

const score: number | null = results.overall.score;
const level: number | undefined = results.overall.level?.value;
const ci: [number, number] | null | undefined = results.dimensions[0]?.ci95;
const k: number | undefined = results.snapshot?.k;
const dontKnow: number | undefined = results.items[0]?.distribution['dontKnow'];
const priority: 'high' | 'medium' | 'low' | undefined = results.recommendations[0]?.priority;

const submit: SubmitBody = { answers: { 'org.know': 4, 'cust.service': null }, comments: { org: 'خوب است' } };
const submitNothing: SubmitBody = {};
const draft: DraftBody = { answers: { 'org.know': 2 } };
declare const submitted: Json<operations['submitResponse']['responses'][200]>;
const responseId: string = submitted.responseId;
const done: 'submitted' = submitted.status;

declare const benchmark: Json<operations['getAssessmentBenchmark']['responses'][200]>;
const percentile: number | null | string = benchmark.available ? benchmark.overall.percentile : benchmark.reason;

declare const problem: operations['getAssessment']['responses'][404]['content']['application/problem+json'];
const detail: string = problem.detail;
const field: string | undefined = problem.errors?.[0]?.path;
const sameProblem: components['schemas']['Problem'] = problem;

export { id, nameEn, headcount, status, responseRate, score, level, ci, k, dontKnow, priority, submit, submitNothing, draft, responseId, done, percentile, detail, field, sameProblem };
`;

// Wrong uses, one per line marked `// wrong`: each must be reported, or the types above prove nothing.
const misuses = `${header}
const n: number = org.id; // wrong
const s: string = results.overall.score; // wrong
const bad: SubmitBody = { answers: { 'org.know': 'often' } }; // wrong
const noAnswers: DraftBody = { comments: {} }; // wrong
const missing = results.overall.mean; // wrong
export { n, s, bad, noAnswers, missing };
`;

describe('the OpenAPI document', () => {
  it('names every operation and every JSON answer, and gives every error as a Problem', async () => {
    const doc = await openapiDocument();
    const ids = operations(doc).map(({ key, op }) => {
      expect(op.operationId, key).toMatch(/^[a-z]+[A-Za-z]*$/);
      return op.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
    for (const { key, op } of operations(doc))
      for (const [status, response] of Object.entries(op.responses)) {
        const where = `${key} ${status}`;
        if (Number(status) >= 400) {
          expect(Object.keys(response.content ?? {}), where).toEqual(['application/problem+json']);
          expect(response.content!['application/problem+json'].schema, where).toEqual({ $ref: '#/components/schemas/Problem' });
        } else if (response.content?.['application/json'])
          expect(response.content['application/json'].schema.$ref, where).toMatch(/^#\/components\/schemas\/\w+$/);
      }
    // No untyped object anywhere: every object schema says what it holds.
    const untyped: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return;
      const s = node as Record<string, unknown>;
      const type = [s.type].flat();
      if (type.includes('object') && !s.properties && !s.additionalProperties) untyped.push(at);
      for (const [k, v] of Object.entries(s)) walk(v, `${at}/${k}`);
    };
    walk(doc.components.schemas, '#/components/schemas');
    expect(untyped).toEqual([]);
  });

  it('is valid OpenAPI 3.1 by the structural rules of Redocly, the validator openapi-typescript is built on', async () => {
    const doc = await openapiDocument();
    const config = await redocly.createConfig({ extends: ['minimal'] });
    const problems = await redocly.lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([]);
  });

  it('generates a client whose types are the real ones', async () => {
    const doc = await openapiDocument();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-client-'));
    try {
      fs.writeFileSync(path.join(dir, 'api.ts'), astToString(await openapiTS(doc as never, { silent: true })));
      const diagnostics = typeCheck(dir, { 'uses.ts': uses, 'misuses.ts': misuses });
      expect(diagnostics.filter((d) => d.file !== 'misuses.ts')).toEqual([]);
      // Each wrong line is reported, and nothing else in that file.
      const wrongLines = misuses.split('\n').flatMap((text, i) => (text.endsWith('// wrong') ? [i + 1] : []));
      const reported = diagnostics.filter((d) => d.file === 'misuses.ts');
      expect([...new Set(reported.map((d) => d.line))].sort((a, b) => a - b)).toEqual(wrongLines);
      // …for the right reason: a real type that does not fit, not an `unknown` or `never` that fits nothing.
      for (const d of reported) expect(d.message).not.toMatch(/\b(unknown|never)\b/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
