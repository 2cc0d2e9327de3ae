import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
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
  return { db, call };
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
});
