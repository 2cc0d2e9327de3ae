import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openSqlite } from '../../src/db/database.js';
import { assertUsedVersionsUnchanged } from '../../src/questionnaire/frozen.js';
import { customerRegistry, loadQuestionnaires } from '../../src/questionnaire/registry.js';
import { listUsedCustomerQuestionnaireVersions } from '../../src/repositories/customerSurveys.js';

// Issue 20: a customer survey's questionnaire version is frozen like an assessment's: the answers are stored
// one character per item, so a file changed under a running survey would misread them.

const ROOT = path.join(import.meta.dirname, '../../questionnaires');

describe('a customer questionnaire used by a survey', () => {
  it('stops start-up when its file changed, and not when it is only reformatted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-cq-'));
    for (const f of ['mehvar-core.v2.json', 'mehvar-customer.v1.json']) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
    const registry = loadQuestionnaires(dir);
    const q = registry.customer('mehvar-customer', 1)!;
    const db = openSqlite(':memory:');
    await migrateToLatest(db);
    const now = new Date().toISOString();
    await db.insertInto('users').values({ id: 'u', role: 'consultant', name: 'c', token_hash: 'h', organization_id: null, created_at: now }).execute();
    await db.insertInto('organizations').values({ id: 'o', name_fa: 'ا', name_en: null, sector: null, headcount: null, created_by: 'u', created_at: now }).execute();
    await db.insertInto('assessments').values({
      id: 'a', organization_id: 'o', title: 't', questionnaire_id: 'mehvar-core', questionnaire_version: 2, questionnaire_hash: registry.get('mehvar-core', 2)!.hash,
      anonymity_threshold: 5, target_culture: null, target_process: null, target_interaction: null, closes_at: null, closed_at: null, created_by: 'u', created_at: now,
    }).execute();
    await db.insertInto('customer_surveys').values({ id: 's', assessment_id: 'a', token: 'tok', questionnaire_id: 'mehvar-customer', questionnaire_version: 1, questionnaire_hash: q.hash, closes_at: null, created_by: 'u', created_at: now }).execute();
    const used = await listUsedCustomerQuestionnaireVersions(db);
    expect(() => assertUsedVersionsUnchanged(used, customerRegistry(registry))).not.toThrow();

    const changed = JSON.parse(fs.readFileSync(path.join(dir, 'mehvar-customer.v1.json'), 'utf8'));
    changed.items[0].text.en = 'Reworded after launch';
    fs.writeFileSync(path.join(dir, 'mehvar-customer.v1.json'), JSON.stringify(changed));
    expect(() => assertUsedVersionsUnchanged(used, customerRegistry(loadQuestionnaires(dir)))).toThrowError(/mehvar-customer version 1\) changed after/);
    fs.writeFileSync(path.join(dir, 'mehvar-customer.v1.json'), JSON.stringify(JSON.parse(fs.readFileSync(path.join(ROOT, 'mehvar-customer.v1.json'), 'utf8')), null, 4));
    expect(() => assertUsedVersionsUnchanged(used, customerRegistry(loadQuestionnaires(dir)))).not.toThrow();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
