import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openSqlite } from '../../src/db/database.js';
import { assertUsedVersionsUnchanged } from '../../src/questionnaire/frozen.js';
import { listUsedQuestionnaireVersions } from '../../src/repositories/assessments.js';
import { loadQuestionnaires } from '../../src/questionnaire/registry.js';
import { FIXTURES } from '../helpers.js';

const tiny = () => JSON.parse(fs.readFileSync(path.join(FIXTURES, 'questionnaires/tiny.v1.json'), 'utf8'));

function dirWith(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-q-'));
  for (const [name, content] of Object.entries(files))
    fs.writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

describe('questionnaire files', () => {
  it('resolves defaults: weight 1, not reversed, scale 1..5', () => {
    const q = loadQuestionnaires(path.join(FIXTURES, 'questionnaires')).get('tiny')!.definition;
    expect(q.items[0]).toMatchObject({ weight: 1, reverse: false, scale: { min: 1, max: 5 } });
    expect(q.items[1].weight).toBe(2);
  });

  it('stops with the file, the path inside it and the reason', () => {
    const broken = tiny();
    broken.items[2].dimension = 'marketing';
    expect(() => loadQuestionnaires(dirWith({ 'broken.json': broken }))).toThrowError(/broken\.json at items\.2\.dimension: .*culture/);
    // Cross-references are checked once the shape is right.
    const orphan = tiny();
    orphan.items[3].section = 'nowhere';
    expect(() => loadQuestionnaires(dirWith({ 'orphan.json': orphan }))).toThrowError(/orphan\.json at items\.3\.section: unknown section "nowhere"/);
  });

  it('names a file that is not JSON, duplicate item ids and missing maturity levels', () => {
    expect(() => loadQuestionnaires(dirWith({ 'a.json': '{ nope' }))).toThrowError(/a\.json: not valid JSON/);
    const dup = tiny();
    dup.items[1].id = dup.items[0].id;
    dup.maturityLevels.pop();
    const dir = dirWith({ 'dup.json': dup });
    expect(() => loadQuestionnaires(dir)).toThrowError(/items\.1\.id: duplicate id "org\.know"/);
    expect(() => loadQuestionnaires(dir)).toThrowError(/maturityLevels/);
  });

  // Issue 16: per-dimension level descriptions are optional (v1 has none), but all levels or none.
  it('takes maturity levels described per dimension, for every level or for none', () => {
    const described = tiny();
    for (const m of described.maturityLevels) m.byDimension = { culture: { fa: 'ف', en: 'c' }, process: { fa: 'ف', en: 'p' }, interaction: { fa: 'ف', en: 'i' } };
    expect(loadQuestionnaires(dirWith({ 'd.json': described })).get('tiny')!.definition.maturityLevels[0].byDimension?.process.en).toBe('p');
    delete described.maturityLevels[2].byDimension;
    expect(() => loadQuestionnaires(dirWith({ 'd.json': described }))).toThrowError(/maturityLevels\.2\.byDimension: required: other levels describe each dimension/);
    described.maturityLevels[2].byDimension = { culture: { fa: 'ف', en: 'c' } };
    expect(() => loadQuestionnaires(dirWith({ 'd.json': described }))).toThrowError(/maturityLevels\.2\.byDimension\.process/);
  });

  // Issue 16: seed titles, when a questionnaire gives them, must name every seed it cites.
  it('takes seed titles only when every cited seed has one', () => {
    const titled = tiny();
    const files = [...new Set([...titled.items, ...titled.sections, ...titled.recommendations, ...titled.levels].map((x: { source: { file: string } }) => x.source.file))];
    titled.seeds = files.map((file, i) => ({ file, title: { fa: `متن ${i + 1}`, en: `Text ${i + 1}` } }));
    expect(loadQuestionnaires(dirWith({ 't.json': titled })).get('tiny')!.definition.seeds).toHaveLength(files.length);
    titled.seeds.pop();
    expect(() => loadQuestionnaires(dirWith({ 't.json': titled }))).toThrowError(/at seeds: no title for the cited seed/);
  });

  it('refuses to start when a version used by an assessment has changed', async () => {
    const dir = dirWith({ 'tiny.json': tiny() });
    const registry = loadQuestionnaires(dir);
    const db = openSqlite(':memory:');
    await migrateToLatest(db);
    const now = new Date().toISOString();
    await db.insertInto('users').values({ id: 'u', role: 'admin', name: 'a', token_hash: 'h', organization_id: null, created_at: now }).execute();
    await db.insertInto('organizations').values({ id: 'o', name_fa: 'ا', name_en: null, sector: null, headcount: null, created_by: 'u', created_at: now }).execute();
    await db.insertInto('assessments').values({
      id: 'a', organization_id: 'o', title: 't', questionnaire_id: 'tiny', questionnaire_version: 1, questionnaire_hash: registry.get('tiny')!.hash,
      anonymity_threshold: 5, target_culture: null, target_process: null, target_interaction: null, closes_at: null, closed_at: null, created_by: 'u', created_at: now,
    }).execute();
    const used = await listUsedQuestionnaireVersions(db);
    expect(() => assertUsedVersionsUnchanged(used, registry)).not.toThrow();

    const changed = tiny();
    changed.items[0].text.en = 'Reworded after launch';
    fs.writeFileSync(path.join(dir, 'tiny.json'), JSON.stringify(changed));
    expect(() => assertUsedVersionsUnchanged(used, loadQuestionnaires(dir))).toThrowError(
      /tiny\.json \(tiny version 1\) changed after assessments started using it/,
    );
    // Reformatting alone (same content) is not a change.
    fs.writeFileSync(path.join(dir, 'tiny.json'), JSON.stringify(tiny(), null, 4));
    expect(() => assertUsedVersionsUnchanged(used, loadQuestionnaires(dir))).not.toThrow();
  });
});
