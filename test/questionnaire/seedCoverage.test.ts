import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaires } from '../../src/questionnaire/registry.js';

const root = path.join(import.meta.dirname, '../..');
// Every version: v1 stays served for the assessments that use it, and each new version must hold the same line.
const versions = loadQuestionnaires(path.join(root, 'questionnaires'))
  .list()
  .filter((l) => l.definition.id === 'mehvar-core')
  .map((l) => l.definition);
// The seed texts are kept beside the questionnaire so every quote stays checkable from a clean clone.
const seedsDir = path.join(root, 'questionnaires/seeds');

/** Seed phrases (as they stand in 002_…) that must each be the source of their own item. */
const REQUIRED = {
  'information-level questions': [
    'از مشتریان و استفادهکنندگان محصول یا خدمات خود و سایر رقبا چه میدانیم',
    'چه اطلاعاتی جمعآوری میشود و چه اطلاعاتی تا الان جمعآوری شده است',
    'چگونه میتوان اطلاعات و دانش جمعآوری شده را طبقهبندی',
    'سازمان کسب و کار تا چه اندازه آمادگی ایجاد تغییرات',
  ],
  'internal processes': [
    'اطلاعات جمعآوری شده چگونه ذخیرهسازی',
    'کارمندان تا چه میزان، با فرایندهای جمعآوری اطلاعات',
    'فرایندهای تعریف شده، حائز شرایط',
    'کارمندان و مدیران سازمان تا چه میزان به اطلاعات جمعآوری شده دسترسی',
  ],
  'customer-level factors': [
    'کیفیت محصول', 'کیفیت خدمات', 'کیفیت خدمات پس از فروش', 'انعطافپذیری در ارائه خدمات',
    'صلاحیت و شایستگی فروشندگان', 'قابلیت اطمینان و دوستی نیروی کار',
  ],
  'modern customer-centricity': [
    'آیا هر دو عملکرد فردی و کلی ذکر شده و پاداش داده میشود', 'آیا کارکنان در فرایندهای تصمیمگیری و نوآوری',
    'چگونه با درگیریها کنار میآیید', 'چگونه به خطاها پاسخ میدهید', 'ارتباط داخلی چگونه کار میکند',
    'آیا در مورد اهداف و وظایف شفافیت وجود دارد', 'آیا بیانیه مأموریت مناسبی وجود دارد',
    'آیا اطلاعات باید به عنوان دارایی یا بدهی طبقهبندی شود', 'آیا مسئولیتهای شفاف و روشنی وجود دارد',
    'ساختارهای ارتباطی بین تک، تک اعضای شبکه', 'آیا مدیریت به ارزشهای داده شده عمل میکند',
  ],
};

it('has version 1 and version 2', () => {
  expect(versions.map((q) => q.version)).toEqual([1, 2]);
});

describe.each(versions)('the seed questionnaire (mehvar-core v$version)', (q) => {
  for (const [group, phrases] of Object.entries(REQUIRED))
    it(`has each ${group} as its own item, in Persian and English`, () => {
      const used = new Set<string>();
      for (const phrase of phrases) {
        const item = q.items.find((i) => i.source.file.startsWith('002_') && (i.source.quote.includes(phrase) || phrase.includes(i.source.quote)) && !used.has(i.id));
        expect(item, phrase).toBeDefined();
        used.add(item!.id);
        expect(item!.text.fa.length).toBeGreaterThan(10);
        expect(item!.text.en).toMatch(/[A-Za-z]{3}/);
      }
      expect(used.size).toBe(phrases.length);
    });

  it('covers the other seeds: listening, accountability, respect, quality, CRM steps and guidelines', () => {
    const files = new Set(q.items.map((i) => i.source.file.slice(0, 3)));
    expect([...files].sort()).toEqual(['000', '001', '002', '003', '004']);
    expect(q.items.filter((i) => i.source.file.startsWith('004_')).length).toBeGreaterThanOrEqual(6);
  });

  it('quotes every source exactly as it stands in its seed file', () => {
    const seeds = new Map(fs.readdirSync(seedsDir).map((f) => [f, fs.readFileSync(path.join(seedsDir, f), 'utf8')]));
    const sources = [...q.items, ...q.sections, ...q.recommendations, ...q.levels].map((x) => x.source);
    for (const s of sources) expect(seeds.get(s.file)?.includes(s.quote), `${s.file}: ${s.quote}`).toBe(true);
  });

  it('puts every item in exactly one dimension and level, with a recommendation for every section', () => {
    for (const d of ['culture', 'process', 'interaction']) expect(q.items.filter((i) => i.dimension === d).length).toBeGreaterThanOrEqual(10);
    for (const l of ['information', 'customer']) expect(q.items.some((i) => i.level === l)).toBe(true);
    for (const s of q.sections) {
      const itemIds = new Set(q.items.filter((i) => i.section === s.id).map((i) => i.id));
      const has = q.recommendations.some((r) => ('section' in r.target ? r.target.section === s.id : itemIds.has(r.target.item)));
      expect(has, s.id).toBe(true);
    }
  });

  it('writes Persian with ی and ک, never the Arabic letters', () => {
    const persian = JSON.stringify([q.title.fa, q.items.map((i) => i.text.fa), q.recommendations.map((r) => r.text.fa), q.maturityLevels]);
    expect(persian).not.toMatch(/[\u064A\u0643\u0649]/);
  });
});
