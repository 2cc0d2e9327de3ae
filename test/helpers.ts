import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { onTestFinished } from 'vitest';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { type Db, migrateToLatest, openPostgres, openSqlite } from '../src/db/database.js';
import { WriteBatcher } from '../src/db/writeBatcher.js';
import type { AppDeps } from '../src/deps.js';
import { loadQuestionnaires } from '../src/questionnaire/registry.js';
import { createUser, ensureAdmin } from '../src/repositories/users.js';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** Set by scripts/with-postgres.sh: the suite then runs on PostgreSQL instead of in-memory SQLite. */
export const TEST_PG_URL = process.env.MEHVAR_TEST_DATABASE_URL || undefined;

let admin: pg.Pool | undefined;
/** One small pool per test worker for creating and dropping the per-test schemas and databases. */
export function pgAdmin(): pg.Pool {
  if (!TEST_PG_URL) throw new Error('MEHVAR_TEST_DATABASE_URL is not set');
  admin ??= new pg.Pool({ connectionString: TEST_PG_URL, max: 2, allowExitOnIdle: true });
  return admin;
}

/** Runs `cleanup` when the current test ends; outside a test (a beforeAll) the throwaway server takes it. */
function afterThisTest(cleanup: () => Promise<void>) {
  try {
    onTestFinished(cleanup);
  } catch {
    /* not inside a test */
  }
}

/**
 * A fresh, migrated, empty database for one test: SQLite in memory, or on PostgreSQL a schema of its own
 * (closed and dropped when the test ends).
 */
export async function openTestDatabase(): Promise<Db> {
  if (!TEST_PG_URL) {
    const db = openSqlite(':memory:');
    await migrateToLatest(db);
    return db;
  }
  const schema = `t_${randomBytes(8).toString('hex')}`;
  await pgAdmin().query(`create schema ${schema}`);
  const db = openPostgres(TEST_PG_URL, { schema, poolSize: 5 });
  afterThisTest(async () => {
    await db.destroy();
    await pgAdmin().query(`drop schema ${schema} cascade`);
  });
  await migrateToLatest(db);
  return db;
}

/** A fresh empty PostgreSQL database, for tests that start whole processes on it; dropped when the test ends. */
export async function createTestPgDatabase(): Promise<string> {
  const name = `t_${randomBytes(8).toString('hex')}`;
  await pgAdmin().query(`create database ${name}`);
  afterThisTest(async () => {
    await pgAdmin().query(`drop database ${name} with (force)`);
  });
  const url = new URL(TEST_PG_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh app on its own database (see openTestDatabase, or the one given), with the tiny fixture
 * questionnaire unless told otherwise.
 */
export async function buildTestApp(opts: { questionnairesDir?: string; now?: () => Date; env?: Record<string, string>; db?: Db } = {}) {
  const config = loadConfig({
    DATABASE_URL: ':memory:',
    MEHVAR_ADMIN_TOKEN: ADMIN_TOKEN,
    QUESTIONNAIRES_DIR: opts.questionnairesDir ?? path.join(FIXTURES, 'questionnaires'),
    PUBLIC_URL: 'http://mehvar.test',
    MAX_BODY_BYTES: '100000',
    MAX_IMPORT_BYTES: '200000',
    ...opts.env,
  });
  const db = opts.db ?? (await openTestDatabase());
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

/** A dashboard session cookie ("name=value") for the token's user, signed in through the form as a browser does. */
export async function signInCookie(t: TestApp, token: string): Promise<string> {
  const res = await t.app.request('/app/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
  const cookie = res.headers.get('set-cookie');
  if (res.status !== 303 || !cookie) throw new Error(`signing in failed with ${res.status}`);
  return cookie.split(';')[0];
}
