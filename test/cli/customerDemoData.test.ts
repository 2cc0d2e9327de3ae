import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS, demoCustomerAnswers, seededRandom } from '../../src/cli/demoData.js';
import { checkAnswers } from '../../src/domain/answerMaps.js';
import { itemScore } from '../../src/domain/itemScore.js';
import { loadQuestionnaires } from '../../src/questionnaire/registry.js';

describe("the demo's customers", () => {
  it('are about 40, answer the customer questionnaire validly, the same on every machine, rating after-sales well below courtesy', () => {
    const q = loadQuestionnaires(path.join(import.meta.dirname, '../../questionnaires')).customer()!.definition;
    const run = () => {
      const random = seededRandom(20);
      return Array.from({ length: DEMO_CUSTOMERS }, () => demoCustomerAnswers(q, random));
    };
    const all = run();
    expect(run()).toEqual(all);
    expect(all).toHaveLength(40);
    for (const a of all) expect(checkAnswers(q, a, 'answers')).toEqual([]);
    const mean = (id: string) => {
      const item = q.items.find((i) => i.id === id)!;
      const scores = all.map((a) => a[id]).filter((v): v is number => typeof v === 'number').map((v) => itemScore(item, v)!);
      return scores.reduce((s, x) => s + x, 0) / scores.length;
    };
    expect(mean('cx.courtesy') - mean('cx.after-sales')).toBeGreaterThan(20);
  });
});
