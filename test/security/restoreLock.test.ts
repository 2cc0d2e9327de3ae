import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startService } from '../helpers/runningService.js';
import { backupSqlite } from '../../src/backup/sqliteBackup.js';

// Regression (issue 15, defect 5): `npm run restore -- --force` replaced the database file under a running
// service; the service kept answering on its open connection and every write it acknowledged after that
// was gone on restart. A restore must refuse while the service runs, and work once it is gone, even when
// it was killed without a chance to clean up.

const ROOT = path.join(import.meta.dirname, '../..');
const ADMIN = 'restore-lock-admin-token-0123456789';

function restoreCli(dbFile: string, from: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/backup.ts', 'restore', '--from', from, '--force'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: dbFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

async function createOrganization(base: string, token: string, name: string) {
  const res = await fetch(`${base}/api/v1/organizations`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: { fa: name } }) });
  expect(res.status).toBe(201);
}

async function organizationNames(base: string, token: string): Promise<string[]> {
  const res = await fetch(`${base}/api/v1/organizations`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { organizations: Array<{ name: { fa: string } }> };
  return body.organizations.map((o) => o.name.fa).sort();
}

function namesInFile(dbFile: string): string[] {
  const db = new SQLite(dbFile, { readonly: true });
  try {
    return (db.prepare('select name_fa from organizations order by name_fa').all() as Array<{ name_fa: string }>).map((r) => r.name_fa);
  } finally {
    db.close();
  }
}

describe('restore and a running service', () => {
  it('refuses to restore while the service runs, leaving its database untouched, and restores once it was killed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-restore-lock-'));
    const dbFile = path.join(dir, 'mehvar.sqlite');
    const backupFile = path.join(dir, 'backup.sqlite');
    const service = await startService(dbFile, ADMIN);
    const consultant = (await (await fetch(`${service.base}/api/v1/users`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify({ role: 'consultant', name: 'c' }) })).json()) as { token: string };
    await createOrganization(service.base, consultant.token, 'الف');
    await backupSqlite(dbFile, backupFile);
    await createOrganization(service.base, consultant.token, 'ب');

    const refused = await restoreCli(dbFile, backupFile);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/in use: a running Mehvar service/);
    expect(refused.stderr).toMatch(/Stop the service first; nothing was changed/);
    // The service and its database are as they were: what it acknowledged is still there.
    await createOrganization(service.base, consultant.token, 'پ');
    expect(await organizationNames(service.base, consultant.token)).toEqual(['الف', 'ب', 'پ']);

    // Killed without any chance to clean up, the service leaves no lock behind.
    service.child.kill('SIGKILL');
    await new Promise((r) => service.child.once('exit', r));
    expect(namesInFile(dbFile)).toEqual(['الف', 'ب', 'پ']);
    const restored = await restoreCli(dbFile, backupFile);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(namesInFile(dbFile)).toEqual(['الف']);

    // And the service starts again on the restored file.
    const again = await startService(dbFile, ADMIN);
    expect(await organizationNames(again.base, consultant.token)).toEqual(['الف']);
    again.child.kill('SIGTERM');
    await new Promise((r) => again.child.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  // The quick start serves with `npm run demo`, which is the service too: restore replaced its file under it.
  it('refuses to restore under the demo service as well, and a second service on its file does not start', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-restore-lock-'));
    const dbFile = path.join(dir, 'mehvar.sqlite');
    const backupFile = path.join(dir, 'backup.sqlite');
    const demo = await startService(dbFile, ADMIN, 'src/cli/demo.ts');
    await backupSqlite(dbFile, backupFile);
    await createOrganization(demo.base, ADMIN, 'پس از پشتیبان');

    const refused = await restoreCli(dbFile, backupFile);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/in use: a running Mehvar service/);
    expect((await organizationNames(demo.base, ADMIN)).filter((n) => n === 'پس از پشتیبان')).toHaveLength(1);
    await expect(startService(dbFile, ADMIN)).rejects.toThrow(/did not start/);

    demo.child.kill('SIGKILL');
    await new Promise((r) => demo.child.once('exit', r));
    expect((await restoreCli(dbFile, backupFile)).code).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
