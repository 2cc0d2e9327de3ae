import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { copyDatabase } from '../../src/db/copy.js';
import { migrateToLatest, openPostgres, openSqlite } from '../../src/db/database.js';
import { ADMIN_TOKEN, buildTestApp, createTestPgDatabase, TEST_PG_URL } from '../helpers.js';
import { ROOT } from './instances.js';

const run = promisify(execFile);

/** `npm run db:copy` as a user runs it (the built CLI); resolves with its exit code and output. */
async function dbCopy(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'dist/src/cli/dbCopy.js'), ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** An embedded database with a bit of everything: online and imported responses, drafts, a manager, audit events. */
async function embeddedWithData() {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'mehvar-copy-')), 'mehvar.sqlite');
  const db = openSqlite(file);
  await migrateToLatest(db);
  const t = await buildTestApp({ db });
  const { token, orgId, assessmentId } = await t.setup({ targets: { culture: 72.5 } });
  await t.call('POST', '/api/v1/users', { token: ADMIN_TOKEN, json: { role: 'manager', name: 'مدیر', organizationId: orgId } });
  const links = await t.invite(token, assessmentId, 'staff', 12, 'فروش');
  for (const [i, link] of links.entries()) {
    if (i >= 9) continue; // three links stay unanswered
    const answers = { 'org.know': (i % 5) + 1, 'cust.service': i % 3 ? 4 : null };
    await t.call('PUT', `/api/v1/respond/${link.token}/answers`, { json: { answers, comments: { org: `نظر ${i}\u200cها` } } });
    if (i < 7) await t.call('POST', `/api/v1/respond/${link.token}/submit`); // two stay drafts
  }
  const csv = 'role,department,org.know,org.values,cust.service\nmanager,مدیریت,5,4,NA\nstaff,,2,,3\n';
  expect((await t.call('POST', `/api/v1/assessments/${assessmentId}/responses/import`, { token, body: csv, type: 'text/csv' })).status).toBeLessThan(300);
  const results = (await t.call('GET', `/api/v1/assessments/${assessmentId}/results?lang=en`, { token })).data;
  return { file, db, token, assessmentId, results, spare: links[11].token };
}

describe.skipIf(!TEST_PG_URL)('db:copy from the embedded database to PostgreSQL', () => {
  it('copies every table with counts and answers verified, and the service carries on from the copy', async () => {
    const source = await embeddedWithData();
    const url = await createTestPgDatabase();

    const first = await dbCopy('--from', source.file, '--to', url);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^responses\s+9\s+9$/m);
    expect(first.stdout).toMatch(/^invitations\s+12\s+12$/m);
    expect(first.stdout).toMatch(/answers checksum: sha256 [0-9a-f]{64}/);

    // A second copy into the now non-empty target is refused and changes nothing; --force replaces it.
    const refused = await dbCopy('--from', source.file, '--to', url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds data .*--force/);
    const forced = await dbCopy('--from', source.file, '--to', url, '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^responses\s+9\s+9$/m);

    const target = openPostgres(url, { poolSize: 3 });
    try {
      const t = await buildTestApp({ db: target });
      // The consultant's token, the results and a new submission all work on the copy.
      const results = (await t.call('GET', `/api/v1/assessments/${source.assessmentId}/results?lang=en`, { token: source.token })).data;
      expect(results).toEqual(source.results);
      await t.call('PUT', `/api/v1/respond/${source.spare}/answers`, { json: { answers: { 'org.know': 3 } } });
      const submitted = await t.call('POST', `/api/v1/respond/${source.spare}/submit`);
      expect(submitted.status).toBe(200);
      const seqs = await target.selectFrom('responses').select(['id', 'seq']).orderBy('seq').execute();
      expect(seqs).toHaveLength(10);
      expect(seqs[9].id).toBe(submitted.data.responseId);
    } finally {
      await Promise.all([target.destroy(), source.db.destroy()]);
    }
  }, 60_000);

  it('leaves the target untouched when a row cannot be copied', async () => {
    const source = await embeddedWithData();
    // SQLite stores a NUL character in text; PostgreSQL refuses it, half-way through the copy.
    await source.db.updateTable('organizations').set({ sector: 'retail\u0000' }).execute();
    const url = await createTestPgDatabase();
    const target = openPostgres(url, { poolSize: 2 });
    try {
      await expect(copyDatabase(source.db, target)).rejects.toThrow(/Copying organizations failed after 0 rows/);
      const users = await target.selectFrom('users').select('id').execute();
      expect(users).toEqual([]);
    } finally {
      await Promise.all([target.destroy(), source.db.destroy()]);
    }
  }, 60_000);
});
