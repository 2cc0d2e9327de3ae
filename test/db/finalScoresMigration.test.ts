import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/db/database.js';
import { migrationProvider } from '../../src/db/migrations/index.js';

describe('migration 0012: final scores stored before the "every n" rule', () => {
  it('are dropped, so the benchmark computes them again under the rule', async () => {
    const db = openSqlite(':memory:');
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0011_departments')).error).toBeUndefined();
    const now = new Date().toISOString();
    await db.insertInto('users').values({ id: 'u', role: 'consultant', name: 'c', token_hash: 'h', organization_id: null, created_at: now }).execute();
    await db.insertInto('organizations').values({ id: 'o', name_fa: 'س', name_en: null, sector: null, headcount: null, created_by: 'u', created_at: now }).execute();
    await db.insertInto('assessments').values({ id: 'a', organization_id: 'o', title: 't', questionnaire_id: 'tiny', questionnaire_version: 1, questionnaire_hash: 'h', anonymity_threshold: 5, target_culture: null, target_process: null, target_interaction: null, closes_at: null, closed_at: now, created_by: 'u', created_at: now }).execute();
    // Stored under the old rule: a process score that may rest on fewer than k people of a release.
    await db.insertInto('final_scores').values({ assessment_id: 'a', in_figures: 10, overall: 50, culture: 50, process: 48, interaction: 52, computed_at: now }).execute();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await db.selectFrom('final_scores').selectAll().execute()).toEqual([]);
    await db.destroy();
  });
});
