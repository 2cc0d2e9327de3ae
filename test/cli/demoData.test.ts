import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoComments, seededRandom } from '../../src/cli/demoData.js';
import { loadQuestionnaires } from '../../src/questionnaire/registry.js';

describe('the demo respondents\' comments', () => {
  it('gives about half of 34 people a Persian comment on sections of the questionnaire, the same on every machine', () => {
    const q = loadQuestionnaires(path.join(import.meta.dirname, '../../questionnaires')).get('mehvar-core')!.definition;
    const run = () => {
      const random = seededRandom(1405);
      return Array.from({ length: 34 }, () => demoComments(q, random));
    };
    const all = run();
    expect(run()).toEqual(all);
    const written = all.filter((c) => Object.keys(c).length > 0);
    expect(written.length).toBeGreaterThanOrEqual(12);
    const sections = new Set(q.sections.map((s) => s.id));
    for (const c of written) for (const [section, text] of Object.entries(c)) {
      expect(sections.has(section)).toBe(true);
      expect(text).toMatch(/[\u0600-\u06FF]/);
    }
  });
});
