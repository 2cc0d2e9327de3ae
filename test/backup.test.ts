import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { generateToken, hashToken } from '../src/auth/tokens.js';
import { backupSqlite, restoreSqlite } from '../src/backup/sqliteBackup.js';
import { loadConfig } from '../src/config.js';
import { migrateToLatest, openSqlite } from '../src/db/database.js';
import { WriteBatcher } from '../src/db/writeBatcher.js';
import { loadQuestionnaires } from '../src/questionnaire/registry.js';
import { ensureAdmin } from '../src/repositories/users.js';
import { ADMIN_TOKEN, FIXTURES } from './helpers.js';

async function appOnFile(file: string) {
  const db = openSqlite(file);
  await migrateToLatest(db);
  await ensureAdmin(db, ADMIN_TOKEN, new Date());
  const config = loadConfig({ DATABASE_URL: file, MEHVAR_ADMIN_TOKEN: ADMIN_TOKEN, QUESTIONNAIRES_DIR: path.join(FIXTURES, 'questionnaires') });
  const app = createApp({ db, writes: new WriteBatcher(db), config, questionnaires: loadQuestionnaires(config.questionnairesDir), clock: () => new Date(), logger: pino({ level: 'silent' }) });
  const call = async (method: string, url: string, token?: string, json?: unknown) => {
    const res = await app.request(url, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' }, body: json ? JSON.stringify(json) : undefined });
    return res.json() as Promise<any>;
  };
  return { db, call, app };
}

const ROOT = path.join(import.meta.dirname, '..');

/** `npm run backup` as an operator runs it: its own process, next to the service that keeps writing. */
function backupCli(database: string, out: string, deadlineMs: number): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', 'backup', '--out', out], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const deadline = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
  return new Promise((resolve) => child.on('exit', (code) => (clearTimeout(deadline), resolve({ code, stderr }))));
}

describe('backup and restore', () => {
  it('makes a consistent online backup while submissions flow, and a restore gives the same results', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-backup-'));
    const live = await appOnFile(path.join(dir, 'live.sqlite'));
    const token = (await live.call('POST', '/api/v1/users', ADMIN_TOKEN, { role: 'consultant', name: 'c' })).token;
    const org = await live.call('POST', '/api/v1/organizations', token, { name: { fa: 'شرکت نمونه پارس' } });
    const a = await live.call('POST', `/api/v1/organizations/${org.id}/assessments`, token, { title: 't', questionnaireId: 'tiny', anonymityThreshold: 2 });
    const { invitations } = await live.call('POST', `/api/v1/assessments/${a.id}/invitations`, token, { invitations: [{ role: 'staff', department: 'فروش', count: 40 }] });
    const submitOne = async (inv: { token: string }, i: number) => {
      await live.call('PUT', `/api/v1/respond/${inv.token}/answers`, undefined, { answers: { 'org.know': (i % 5) + 1, 'org.values': ((i + 2) % 5) + 1, 'cust.service': 3 } });
      const r = await live.call('POST', `/api/v1/respond/${inv.token}/submit`);
      if (r.status !== 'submitted') throw new Error(JSON.stringify(r));
    };
    await Promise.all(invitations.slice(0, 20).map(submitOne));

    // Online: the backup runs while 20 more submissions are being written.
    const during = Promise.all(invitations.slice(20).map((inv: { token: string }, i: number) => submitOne(inv, i + 20)));
    await backupSqlite(path.join(dir, 'live.sqlite'), path.join(dir, 'online.bak'));
    await during;
    const snapshot = new SQLite(path.join(dir, 'online.bak'), { readonly: true });
    const responses = (snapshot.prepare('select count(*) n from responses').get() as { n: number }).n;
    const submitted = (snapshot.prepare("select count(*) n from invitations where status = 'submitted'").get() as { n: number }).n;
    expect(responses).toBe(submitted); // one committed state, never half a submission
    expect(responses).toBeGreaterThanOrEqual(20);
    snapshot.close();

    // Round trip: a quiet backup restored elsewhere answers with identical results.
    const before = await live.call('GET', `/api/v1/assessments/${a.id}/results`, token);
    await backupSqlite(path.join(dir, 'live.sqlite'), path.join(dir, 'quiet.bak'));
    await restoreSqlite(path.join(dir, 'quiet.bak'), path.join(dir, 'restored.sqlite'), { force: false });
    const restored = await appOnFile(path.join(dir, 'restored.sqlite'));
    const after = await restored.call('GET', `/api/v1/assessments/${a.id}/results`, token);
    expect(after).toEqual(before);
    expect(before.respondents.submitted).toBe(40);
    await live.db.destroy();
    await restored.db.destroy();
  });

  it('refuses to overwrite without --force and to restore a file that is not a Mehvar database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-backup-'));
    const live = await appOnFile(path.join(dir, 'live.sqlite'));
    await backupSqlite(path.join(dir, 'live.sqlite'), path.join(dir, 'b.bak'));
    await expect(backupSqlite(path.join(dir, 'live.sqlite'), path.join(dir, 'b.bak'))).rejects.toThrow(/already exists/);
    await expect(restoreSqlite(path.join(dir, 'b.bak'), path.join(dir, 'live.sqlite'), { force: false })).rejects.toThrow(/--force/);
    const junk = new SQLite(path.join(dir, 'junk.sqlite'));
    junk.exec('create table x (a)');
    junk.close();
    await expect(restoreSqlite(path.join(dir, 'junk.sqlite'), path.join(dir, 'new.sqlite'), { force: false })).rejects.toThrow(/not a Mehvar database/);
    await live.db.destroy();
  });

  // Regression (issue 15, defect 4): SQLite's backup API copies a few pages at a time and starts over
  // whenever another connection changes the source, so under a steady stream of submissions it never
  // finished. The backup must complete while writes go on, and be one committed state of a migrated database.
  it('finishes a backup while submissions keep being committed, with a consistent, migrated copy', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-backup-'));
    const file = path.join(dir, 'live.sqlite');
    const live = await appOnFile(file);
    const token = (await live.call('POST', '/api/v1/users', ADMIN_TOKEN, { role: 'consultant', name: 'c' })).token;
    const org = await live.call('POST', '/api/v1/organizations', token, { name: { fa: 'شرکت نمونه پارس' } });
    const a = await live.call('POST', `/api/v1/organizations/${org.id}/assessments`, token, { title: 't', questionnaireId: 'tiny', anonymityThreshold: 2 });
    // A database of some size (~100 MB), so that copying it takes a while, and invitations to submit.
    const filler = new SQLite(file);
    filler.pragma('busy_timeout = 5000');
    const now = new Date().toISOString();
    const response = filler.prepare("insert into responses (id, assessment_id, invitation_id, role, department, answers, comments, source, submitted_at) values (?, ?, null, 'staff', null, '345', ?, 'import', ?)");
    const invitation = filler.prepare("insert into invitations (id, assessment_id, token_hash, role, department, status, created_at, updated_at) values (?, ?, ?, 'staff', null, 'not_started', ?, ?)");
    const tokens = Array.from({ length: 30_000 }, () => generateToken());
    filler.transaction(() => {
      for (let i = 0; i < 100_000; i++) response.run(`filler-${i}`, a.id, JSON.stringify({ note: `${i} `.repeat(300) }), now);
      tokens.forEach((token, i) => invitation.run(`inv-${i}`, a.id, hashToken(token), now, now));
    })();
    filler.close();

    // Writers: as many submissions as the service will take, one after another on 8 lanes, until told to stop.
    let next = 0;
    let stop = false;
    const acknowledged: number[] = [];
    const lane = async () => {
      while (!stop && next < tokens.length) {
        const res = await live.app.request(`/api/v1/respond/${tokens[next++]}/submit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: { 'org.know': 3, 'org.values': 4, 'cust.service': 5 } }) });
        if (res.status === 200) acknowledged.push(performance.now());
      }
    };
    const writers = Promise.all(Array.from({ length: 8 }, lane));
    await new Promise((r) => setTimeout(r, 500));
    const started = performance.now();
    const out = path.join(dir, 'under-load.bak');
    const backup = await backupCli(file, out, 30_000);
    const ended = performance.now();
    stop = true;
    await writers;
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    // The writes really went on while the backup ran.
    expect(acknowledged.filter((t) => t > started && t < ended).length).toBeGreaterThan(0);

    const copy = new SQLite(out, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const source = new SQLite(file, { readonly: true });
    const migrations = (db: SQLite.Database) => db.prepare('select name from kysely_migration order by name').all();
    expect(migrations(copy)).toEqual(migrations(source));
    const count = (db: SQLite.Database, q: string) => (db.prepare(q).get() as { n: number }).n;
    // One committed state: every submitted invitation has its response, none half-written.
    expect(count(copy, "select count(*) as n from responses where source = 'online'")).toBe(count(copy, "select count(*) as n from invitations where status = 'submitted'"));
    expect(count(copy, "select count(*) as n from responses where source = 'import'")).toBe(100_000);
    copy.close();
    source.close();
    await live.db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
