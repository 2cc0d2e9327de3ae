import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startService } from '../helpers/runningService.js';

// Default run: 3 kill/restart cycles; CRASH_CYCLES=20 for the full run.
const CYCLES = Number(process.env.CRASH_CYCLES ?? 3);
const ADMIN = 'crash-test-admin-token-0123456789';

async function api(base: string, method: string, url: string, token?: string, json?: unknown) {
  const res = await fetch(base + url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(json ? { 'content-type': 'application/json' } : {}) },
    body: json ? JSON.stringify(json) : undefined,
  });
  return { status: res.status, data: res.headers.get('content-type')?.includes('json') ? await res.json() : null };
}

describe('crash durability (SIGKILL under load)', () => {
  it(`keeps every acknowledged submission exactly once over ${CYCLES} kill/restart cycles`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-crash-'));
    const dbFile = path.join(dir, 'mehvar.sqlite');
    let { child, base } = await startService(dbFile, ADMIN);
    const consultant = (await api(base, 'POST', '/api/v1/users', ADMIN, { role: 'consultant', name: 'c' })).data.token;
    const org = (await api(base, 'POST', '/api/v1/organizations', consultant, { name: { fa: 'سازمان' } })).data;
    const q = (await api(base, 'GET', '/api/v1/questionnaires', consultant)).data.questionnaires.at(-1);
    const assessment = (await api(base, 'POST', `/api/v1/organizations/${org.id}/assessments`, consultant, { title: 't', questionnaireId: q.id })).data;
    const itemIds: string[] = (await api(base, 'GET', `/api/v1/questionnaires/${q.id}`, consultant)).data.items.map((i: { id: string }) => i.id);

    const acknowledged = new Map<string, string>(); // token → responseId
    const savedDrafts = new Map<string, number>(); // token → value of the first item
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const invitations = (await api(base, 'POST', `/api/v1/assessments/${assessment.id}/invitations`, consultant, { invitations: [{ role: 'staff', count: 60 }] })).data.invitations as Array<{ token: string }>;
      const work = invitations.map(async (inv, i) => {
        const value = (i % 5) + 1;
        try {
          const put = await api(base, 'PUT', `/api/v1/respond/${inv.token}/answers`, undefined, { answers: Object.fromEntries(itemIds.map((id) => [id, value])) });
          if (put.status !== 200) return;
          savedDrafts.set(inv.token, value);
          const sub = await api(base, 'POST', `/api/v1/respond/${inv.token}/submit`);
          if (sub.status === 200) acknowledged.set(inv.token, sub.data.responseId);
        } catch {
          /* connection cut by the kill: not acknowledged */
        }
      });
      // Kill mid-load: once some submissions of this cycle were acknowledged, a little later each cycle.
      const target = acknowledged.size + 5 + cycle * 3;
      for (let waited = 0; acknowledged.size < target && waited < 5000; waited += 5) await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGKILL');
      await Promise.all(work);
      ({ child, base } = await startService(dbFile, ADMIN));
      // Every acknowledged answer and submission survived the crash.
      for (const [token, responseId] of acknowledged) {
        const r = await api(base, 'GET', `/api/v1/respond/${token}`);
        expect(r.data.status, token).toBe('submitted');
        expect(r.data.responseId).toBe(responseId);
      }
      for (const [token, value] of savedDrafts) {
        if (acknowledged.has(token)) continue;
        const r = await api(base, 'GET', `/api/v1/respond/${token}`);
        if (r.data.status !== 'submitted') expect(r.data.draft.answers[itemIds[0]]).toBe(value);
      }
    }
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    const db = new SQLite(dbFile, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare('select id, invitation_id, answers from responses').all() as Array<{ id: string; invitation_id: string; answers: string }>;
    // Exactly once: one row per acknowledged submission (plus any committed whose answer the kill cut off), no duplicates.
    expect(new Set(rows.map((r) => r.invitation_id)).size).toBe(rows.length);
    const ids = new Set(rows.map((r) => r.id));
    for (const responseId of acknowledged.values()) expect(ids.has(responseId)).toBe(true);
    // None half-written: every stored response has an answer for every item.
    for (const r of rows) expect(r.answers).toMatch(new RegExp(`^[1-5]{${itemIds.length}}$`));
    expect(acknowledged.size).toBeGreaterThan(0);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 300_000);
});
