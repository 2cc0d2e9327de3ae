import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers.js';

// Issue 16: what the results API says about an assessment on mehvar-core v2, next to one on v1.

const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');

/** An assessment of `version` with `rows` responses, each answering every item with `value(i, row)`. */
async function assessed(version: number, rows: number, value: (i: number, row: number) => number | null | 'na') {
  const t = await buildTestApp({ questionnairesDir: QUESTIONNAIRES });
  const { token, assessmentId } = await t.setup({ questionnaireId: 'mehvar-core', questionnaireVersion: version, targets: { culture: 90, process: 90, interaction: 90 } });
  const q = t.deps.questionnaires.get('mehvar-core', version)!.definition;
  const responses = Array.from({ length: rows }, (_, r) => ({ role: 'staff', answers: Object.fromEntries(q.items.map((item, i) => [item.id, value(i, r)])) }));
  const imported = await t.call('POST', `/api/v1/assessments/${assessmentId}/responses/import`, { token, json: { responses } });
  expect(imported.status).toBe(201);
  const results = async (lang: 'fa' | 'en') => (await t.call('GET', `/api/v1/assessments/${assessmentId}/results?lang=${lang}`, { token })).data;
  return { t, q, token, assessmentId, results };
}

describe('recommendations in the results', () => {
  it('cite their seed by title and quote it in English for an English reader (v2), in Persian otherwise', async () => {
    const v2 = await assessed(2, 5, () => 2);
    const en = (await v2.results('en')).recommendations;
    expect(en.length).toBeGreaterThan(5);
    for (const r of en) {
      expect(r.source.title).toMatch(/^Text [1-5]: /);
      expect(r.quote).toEqual({ text: r.source.translation.en, lang: 'en' });
    }
    const fa = (await v2.results('fa')).recommendations;
    for (const r of fa) {
      expect(r.source.title).toMatch(/^متن [۱-۵]: /);
      expect(r.quote).toEqual({ text: r.source.quote, lang: 'fa' });
    }
    // v1 has no translations: the Persian quote, with its title borrowed from v2.
    const v1 = await assessed(1, 5, () => 2);
    const old = (await v1.results('en')).recommendations;
    expect(old.length).toBeGreaterThan(5);
    for (const r of old) {
      expect(r.source.title).toMatch(/^Text [1-5]: /);
      expect(r.quote).toEqual({ text: r.source.quote, lang: 'fa' });
    }
  });
});

describe('recommendations of a v2 assessment by stage', () => {
  it('give a section at level 1–2 its first steps and a section at level 4 its next steps, each from the seeds', async () => {
    // Every item scores 25 (level 2), then 75 (level 4); both below the targets of 90.
    const mirrored = (v: number) => (i: number) => (v2Items[i].reverse ? 6 - v : v);
    const v2Items = (await assessed(2, 1, () => 3)).q.items;
    const low = await assessed(2, 5, mirrored(2));
    const high = await assessed(2, 5, mirrored(4));
    const early = (await low.results('en')).recommendations.filter((r: { atLevels?: number[] }) => r.atLevels);
    const later = (await high.results('en')).recommendations.filter((r: { atLevels?: number[] }) => r.atLevels);
    const sections = low.q.sections.map((s) => s.id).filter((id) => low.q.recommendations.some((r) => r.atLevels && 'section' in r.target && r.target.section === id));
    expect(sections.length).toBeGreaterThanOrEqual(10);
    expect(early.map((r: { target: { section: string } }) => r.target.section).sort()).toEqual([...sections].sort());
    expect(later.map((r: { target: { section: string } }) => r.target.section).sort()).toEqual([...sections].sort());
    for (const r of early) expect(r.atLevels).toEqual([1, 2]);
    for (const r of later) expect(r.atLevels).toEqual([3, 4, 5]);
    // Different advice for the same section, each quoting its seed.
    const byId = (list: { id: string; target: { section: string } }[], s: string) => list.find((r) => r.target.section === s)!.id;
    for (const s of sections) expect(byId(early, s)).not.toBe(byId(later, s));
    for (const r of [...early, ...later]) expect(r.source.quote.length).toBeGreaterThan(10);
  });
});

describe('results of a v2 assessment', () => {
  it('describe each dimension\'s level for that dimension; v1 keeps its one description', async () => {
    const v2 = await assessed(2, 5, (i, r) => 1 + ((i + r) % 5));
    for (const lang of ['fa', 'en'] as const) {
      const r = await v2.results(lang);
      for (const d of r.dimensions) {
        const m = v2.q.maturityLevels.find((x) => x.level === d.level.value)!;
        expect(d.level.description, `${lang} ${d.id}`).toBe(m.byDimension![d.id as 'culture'][lang]);
      }
      const overall = v2.q.maturityLevels.find((x) => x.level === r.overall.level.value)!;
      expect(r.overall.level.description).toBe(overall.description[lang]);
      expect(new Set(r.dimensions.map((d: { level: { description: string } }) => d.level.description)).size).toBe(3);
    }
    const v1 = await assessed(1, 5, (i, r) => 1 + ((i + r) % 5));
    const r1 = await v1.results('en');
    for (const d of r1.dimensions) expect(d.level.description).toBe(v1.q.maturityLevels.find((x) => x.level === d.level.value)!.description.en);
  });
});
