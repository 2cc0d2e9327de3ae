import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/db/database.js';
import { migrationProvider } from '../../src/db/migrations/index.js';

describe('migration 0006: comments leave the response rows', () => {
  it('moves each stored comment into the comments table, labels only for unreleased ones, and empties the rows', async () => {
    const db = openSqlite(':memory:');
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0005_final_scores')).error).toBeUndefined();
    const now = new Date().toISOString();
    await db.insertInto('users').values({ id: 'u', role: 'consultant', name: 'c', token_hash: 'h', organization_id: null, created_at: now }).execute();
    await db.insertInto('organizations').values({ id: 'o', name_fa: 'س', name_en: null, sector: null, headcount: null, created_by: 'u', created_at: now }).execute();
    await db.insertInto('assessments').values({ id: 'a', organization_id: 'o', title: 't', questionnaire_id: 'tiny', questionnaire_version: 1, questionnaire_hash: 'h', anonymity_threshold: 5, target_culture: null, target_process: null, target_interaction: null, closes_at: null, closed_at: null, created_by: 'u', created_at: now }).execute();
    const row = (id: string, release: number | null, comments: string | null) =>
      ({ id, assessment_id: 'a', invitation_id: null, role: 'staff' as const, department: 'فروش', answers: '3', comments, source: 'online' as const, submitted_at: now, release });
    await db.insertInto('responses').values([row('r1', 1, JSON.stringify({ org: 'اول', cust: 'دوم' })), row('r2', null, JSON.stringify({ org: 'سوم' })), row('r3', 1, null)]).execute();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const moved = await db.selectFrom('comments').select(['section', 'text', 'role', 'department', 'release']).orderBy('text').execute();
    expect(moved).toEqual([
      { section: 'org', text: 'اول', role: null, department: null, release: 1 },
      { section: 'cust', text: 'دوم', role: null, department: null, release: 1 },
      { section: 'org', text: 'سوم', role: 'staff', department: 'فروش', release: null },
    ]);
    expect((await db.selectFrom('responses').select('comments').execute()).every((r) => r.comments === null)).toBe(true);
    await db.destroy();
  });
});
