import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/domain/recommendations.js';
import { loadQuestionnaires } from '../../src/questionnaire/registry.js';
import type { Questionnaire } from '../../src/questionnaire/schema.js';

// Issue 16: what to do at level 1–2 differs from level 4. A recommendation with atLevels is given only while
// its target's maturity level is one of them (statistics.md §10).

const tiny = loadQuestionnaires(path.join(import.meta.dirname, '../fixtures/questionnaires')).get('tiny')!.definition;
const source = tiny.recommendations[0].source;
const q: Questionnaire = {
  ...tiny,
  recommendations: [
    { id: 'rec.first-steps', target: { section: 'org' }, atLevels: [1, 2], text: { fa: 'گام نخست', en: 'First steps' }, source },
    { id: 'rec.next-steps', target: { section: 'org' }, atLevels: [3, 4, 5], text: { fa: 'گام بعد', en: 'Next steps' }, source },
    { id: 'rec.always', target: { item: 'cust.contact' }, text: { fa: 'همیشه', en: 'Always' }, source },
  ],
};
const at = (org: number) => recommend(q, { sections: [{ id: 'org', score: org }, { id: 'cust', score: 90 }] as never, items: [{ id: 'cust.contact', score: org }] as never }, null);

describe('recommendations by stage', () => {
  it('gives the first steps at levels 1 and 2 and the next ones from level 3', () => {
    const ids = (score: number) => at(score).map((r) => r.id).sort();
    expect(ids(15)).toEqual(['rec.always', 'rec.first-steps']);
    expect(ids(35)).toEqual(['rec.always', 'rec.first-steps']);
    expect(ids(70)).toEqual(['rec.always', 'rec.next-steps']);
    // Nothing below target at all: no stage matters.
    expect(at(85)).toEqual([]);
  });

  it('reads the stage from the score as displayed, like the level shown beside it', () => {
    // 39.96 shows as 40.0, level 3: the next steps, as the page shows level 3.
    expect(at(39.96).find((r) => r.id !== 'rec.always')!.id).toBe('rec.next-steps');
    expect(at(39.94).find((r) => r.id !== 'rec.always')!.id).toBe('rec.first-steps');
  });

  it('says which stages a recommendation is for', () => {
    expect(at(15).find((r) => r.id === 'rec.first-steps')!.atLevels).toEqual([1, 2]);
    expect(at(15).find((r) => r.id === 'rec.always')!.atLevels).toBeUndefined();
  });
});
