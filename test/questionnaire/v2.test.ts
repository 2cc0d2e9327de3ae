import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashDefinition, loadQuestionnaires } from '../../src/questionnaire/registry.js';
import { questionnaireSchema } from '../../src/questionnaire/schema.js';
import { MIN_COMPATIBILITY } from '../../src/services/trend.js';

// Issue 16: a close reading of the five seed texts against v1. Each test names the finding it settles.

const registry = loadQuestionnaires(path.join(import.meta.dirname, '../../questionnaires'));
const v1 = registry.get('mehvar-core', 1)!.definition;
const v2 = registry.get('mehvar-core', 2)!.definition;
const item = (id: string) => {
  const found = v2.items.find((i) => i.id === id);
  if (!found) throw new Error(`v2 has no item ${id}`);
  return found;
};
const v1Ids = new Set(v1.items.map((i) => i.id));
const v2Ids = new Set(v2.items.map((i) => i.id));

describe('mehvar-core v2 against the findings of issue 16', () => {
  it('is the newest version, so new assessments get it', () => {
    expect(registry.get('mehvar-core')!.definition.version).toBe(2);
  });

  it('keeps v1 ids only for items that ask the same thing, and compares with v1 at compatibility ≥ 0.5', () => {
    const shared = [...v1Ids].filter((id) => v2Ids.has(id));
    const compatibility = shared.length / new Set([...v1Ids, ...v2Ids]).size;
    expect(compatibility).toBeGreaterThanOrEqual(MIN_COMPATIBILITY);
    expect(shared).toHaveLength(44);
    for (const id of shared) {
      const a = v1.items.find((i) => i.id === id)!;
      const b = item(id);
      // A kept id is scored the same way: same scale, same direction, same seed sentence.
      expect({ scale: b.scale, reverse: b.reverse, source: b.source }, id).toEqual({ scale: a.scale, reverse: a.reverse, source: a.source });
    }
  });

  it('tags internal and network communication as process, not interaction (contact with customers)', () => {
    expect(item('modern.internal-communication').dimension).toBe('process');
    expect(item('modern.network-communication').dimension).toBe('process');
    expect(v2.dimensions.find((d) => d.id === 'interaction')!.description.en).toMatch(/customers/);
  });

  it('puts every complaint item at the same level', () => {
    const complaints = ['guide.complaints-to-opportunities', 'acct.objections-handled'].map(item);
    expect(new Set(complaints.map((i) => i.level))).toEqual(new Set(['customer']));
  });

  it('replaces the «دارایی یا بدهی» item with the question the paragraph asks: fetched or delivered', () => {
    expect(v2Ids.has('modern.information-as-asset')).toBe(false);
    const i = item('modern.information-delivered');
    expect(i.source.quote).toBe('آیا اطلاعات باید به عنوان دارایی یا بدهی طبقهبندی شود؟');
    expect(i.text.en).toMatch(/pass it on to the colleagues who need it/);
    expect(`${i.text.fa} ${i.text.en}`).not.toMatch(/دارایی|بدهی|asset|liabilit/i);
    expect(i.source.note?.en).toMatch(/fetch/);
  });

  it('asks the core of principle 3 and of empathy', () => {
    expect(item('prin.staff-know-expectations').source.quote).toContain('کارکنان آن با انتظارات، خواسته ها و نیازهای مشتریان آشنا بوده');
    expect(item('prin.understand-needs').source.quote).toContain('درک صحیحی از نیازها');
    expect(item('prin.opinions-to-all-staff').section).toBe('principles');
  });

  it('splits or rewords every double-barrelled item, each replacement asking one thing', () => {
    const replaced: Record<string, string[]> = {
      'acct.complaints-handling': ['acct.objections-handled'],
      'resp.bureaucratic': ['resp.red-tape'],
      'listen.audits-and-call-systems': ['listen.mystery-shopping'],
      'info.knowledge-to-solutions': ['info.knowledge-into-solutions'],
      'acct.new-customer-bias': ['acct.favours-new-customers'],
      'resp.quality-first': ['resp.quality-not-cut'],
      'resp.utmost-courtesy': ['resp.courtesy'],
      'guide.on-time-quality': ['guide.on-time'],
      'prin.direct-contact': ['prin.other-units-contact', 'prin.join-customer-contacts'],
      'listen.focus-groups-research': ['listen.market-research'],
      'info.know-customers': ['info.know-customers-users', 'info.know-competitors'],
    };
    for (const [old, next] of Object.entries(replaced)) {
      expect(v2Ids.has(old), old).toBe(false);
      for (const id of next) expect(v2Ids.has(id) && !v1Ids.has(id), id).toBe(true);
    }
    // What the old items bundled and the replacements leave out is asked by items of its own.
    for (const id of ['guide.act-fast', 'guide.follow-through', 'guide.exceed-expectations', 'cust.product-quality', 'cust.service-quality']) expect(v2Ids.has(id), id).toBe(true);
    // The reverse items stay reverse items.
    expect(item('resp.red-tape').reverse).toBe(true);
    expect(item('acct.favours-new-customers').reverse).toBe(true);
  });

  it('fixes the Persian and English wording the issue names', () => {
    expect(item('modern.performance-recognition').text.fa).not.toContain('ذکر شده');
    expect(item('modern.conflict-handling').text.fa).toContain('تعارض');
    expect(item('modern.conflict-handling').text.fa).not.toContain('درگیری');
    expect(item('modern.network-communication').text.fa).not.toContain('شبکه');
    expect(item('cust.sales-competence').text.en).not.toMatch(/merit/i);
    // Not leading: asks how often contact leaves a good view, without presuming one.
    expect(item('guide.moments-of-truth').text.en).not.toMatch(/leads them|positively/);
  });

  it('shows respondents no quote marks: quotes live in source only', () => {
    const shown = [
      v2.title.fa, v2.title.en, v2.description.fa, v2.description.en, v2.dontKnowLabel.fa, v2.dontKnowLabel.en,
      ...Object.values(v2.scaleLabels).flatMap((l) => [l.fa, l.en]),
      ...v2.sections.flatMap((s) => [s.title.fa, s.title.en, s.description?.fa ?? '', s.description?.en ?? '']),
      ...v2.items.flatMap((i) => [i.text.fa, i.text.en]),
    ];
    for (const text of shown) expect(text, text).not.toMatch(/[«»"“”]/);
  });

  it('adds the seed content v1 had no item for, each with its quote', () => {
    const cites = (id: string, file: string, phrase: string) => {
      const i = item(id);
      expect(i.source.file.slice(0, 3), id).toBe(file);
      expect(i.source.quote, id).toContain(phrase);
    };
    // seed 004: the CRM types, the customer's place, guidelines 1, 2, 8 and 9
    cites('crm.analyse-lost-customers', '004', 'مشتریانی که سازمان را ترک کرده اند');
    cites('crm.win-back', '004', 'شامل مشتریانی که سازمان را ترک کرده اند');
    cites('guide.customer-place', '004', 'خود را به جای مشتری بگذارید');
    cites('guide.act-fast', '004', 'سریع انجام دهید');
    cites('guide.effective-communication', '004', 'ارتباطات موثر');
    cites('guide.delivery-methods', '004', 'روشهای ارائه محصول یا خدمت');
    cites('guide.follow-through', '004', 'به سرانجام رساندن');
    // seed 003: the karat; seed 002: social media; seed 000: target customers and their moving expectations
    cites('crm.raise-karat', '003', 'طلای عیار کم');
    cites('listen.social-media', '002', 'شبکههای اجتماعی');
    cites('focus.target-customers', '000', 'مشتریان هدف و ایدهآل');
    cites('focus.changing-expectations', '000', 'اهدافی متحرک');
    // unspoken needs, the marketing mix, coordination across units
    cites('focus.unspoken-needs', '001', 'نیازهای نامشخص');
    cites('focus.marketing-mix', '001', 'آمیخته بازاریابی');
    cites('proc.units-coordinated', '002', 'بازاریابی، تولید و فروش');
  });

  it('says what each maturity level means for each dimension, where v1 repeated the organization-wide text', () => {
    for (const m of v2.maturityLevels) {
      for (const d of ['culture', 'process', 'interaction'] as const) {
        const text = m.byDimension?.[d];
        expect(text, `${m.level} ${d}`).toBeDefined();
        expect(text!.fa).not.toBe(m.description.fa);
        expect(text!.en).not.toBe(m.description.en);
      }
      expect(new Set(Object.values(m.byDimension!).map((t) => t.en)).size).toBe(3);
    }
    expect(v1.maturityLevels.every((m) => m.byDimension === undefined)).toBe(true);
  });

  it('names each of the five seed texts for people, and lends the titles to v1 without touching its hash', () => {
    expect(v2.seeds!.map((s) => s.file.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
    for (const lang of ['fa', 'en'] as const) expect(new Set(v2.seeds!.map((s) => s.title[lang])).size).toBe(5);
    expect(v2.seeds![4].title).toEqual({ fa: 'متن ۵: مدیریت ارتباط با مشتری', en: 'Text 5: Customer relationship management' });
    // v1 names no seeds in its file; the registry lends it v2's titles for the seeds it cites.
    expect(v1.seeds).toEqual(v2.seeds);
    const file = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../questionnaires/mehvar-core.v1.json'), 'utf8'));
    expect(file.seeds).toBeUndefined();
    expect(registry.get('mehvar-core', 1)!.hash).toBe(hashDefinition(questionnaireSchema.parse(file)));
  });

  it('quotes every recommendation in English too, so an English reader reads the quote in English', () => {
    for (const r of v2.recommendations) expect(r.source.translation?.en, r.id).toMatch(/[a-z]{3}/);
  });

  it('gives every section first steps for levels 1–2 and next steps for levels 3–5, each from a seed', () => {
    for (const s of v2.sections) {
      const staged = v2.recommendations.filter((r) => 'section' in r.target && r.target.section === s.id && r.atLevels);
      if (s.id === 'customer-level') continue; // one recommendation for every stage: measure as customers see it
      expect(staged.map((r) => r.atLevels), s.id).toEqual([[1, 2], [3, 4, 5]]);
      expect(staged[0].source.quote).not.toBe(staged[1].source.quote);
    }
  });

  it('numbers items the same way on every page: grouped by section, in section order', () => {
    const order = v2.items.map((i) => v2.sections.findIndex((s) => s.id === i.section));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('keeps items short enough for a phone: one sentence each', () => {
    for (const i of v2.items) {
      expect(i.text.en.split(/[.?!](\s|$)/).filter((s) => s && s.trim()).length, i.id).toBe(1);
      expect(i.text.en.length, i.id).toBeLessThanOrEqual(160);
    }
  });
});
