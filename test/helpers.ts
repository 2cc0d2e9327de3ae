import path from 'node:path';
import pino from 'pino';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { migrateToLatest, openSqlite } from '../src/db/database.js';
import { WriteBatcher } from '../src/db/writeBatcher.js';
import type { AppDeps } from '../src/deps.js';
import { loadQuestionnaires } from '../src/questionnaire/registry.js';
import { createUser, ensureAdmin } from '../src/repositories/users.js';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** A fresh app on its own in-memory database, with the tiny fixture questionnaire unless told otherwise. */
export async function buildTestApp(opts: { questionnairesDir?: string; now?: () => Date; env?: Record<string, string> } = {}) {
  const config = loadConfig({
    DATABASE_URL: ':memory:',
    MEHVAR_ADMIN_TOKEN: ADMIN_TOKEN,
    QUESTIONNAIRES_DIR: opts.questionnairesDir ?? path.join(FIXTURES, 'questionnaires'),
    PUBLIC_URL: 'http://mehvar.test',
    MAX_BODY_BYTES: '100000',
    MAX_IMPORT_BYTES: '200000',
    ...opts.env,
  });
  const db = openSqlite(':memory:');
  await migrateToLatest(db);
  const clock = opts.now ?? (() => new Date());
  await ensureAdmin(db, ADMIN_TOKEN, clock());
  const deps: AppDeps = { db, writes: new WriteBatcher(db), config, questionnaires: loadQuestionnaires(config.questionnairesDir), clock, logger: pino({ level: 'silent' }) };
  const app = createApp(deps);

  async function call(method: string, url: string, opts: { token?: string; json?: unknown; body?: string; type?: string } = {}) {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined = opts.body;
    if (opts.json !== undefined) {
      body = JSON.stringify(opts.json);
      headers['content-type'] = 'application/json';
    }
    if (opts.type) headers['content-type'] = opts.type;
    const res = await app.request(url, { method, headers, body });
    const text = await res.text();
    let data: any = text;
    try {
      data = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, type: res.headers.get('content-type') ?? '', data, headers: res.headers };
  }

  async function consultant(name = 'Consultant') {
    return (await createUser(db, { role: 'consultant', name, organizationId: null }, clock())).token;
  }

  /** A consultant with an organization and an open assessment of the tiny questionnaire. */
  async function setup(extra: Record<string, unknown> = {}) {
    const token = await consultant();
    const org = await call('POST', '/api/v1/organizations', { token, json: { name: { fa: 'شرکت نمونه پارس', en: 'Pars Sample Co.' }, headcount: 40 } });
    const a = await call('POST', `/api/v1/organizations/${org.data.id}/assessments`, {
      token,
      json: { title: 'ارزیابی ۱۴۰۵', questionnaireId: 'tiny', ...extra },
    });
    return { token, orgId: org.data.id as string, assessmentId: a.data.id as string };
  }

  async function invite(token: string, assessmentId: string, role: 'manager' | 'staff' = 'staff', count = 1, department?: string) {
    const res = await call('POST', `/api/v1/assessments/${assessmentId}/invitations`, { token, json: { invitations: [{ role, count, department }] } });
    return res.data.invitations as Array<{ id: string; token: string; url: string }>;
  }

  return { app, db, deps, call, consultant, setup, invite };
}

export type TestApp = Awaited<ReturnType<typeof buildTestApp>>;
