import { describe, expect, it } from 'vitest';
import { buildConsultantApp } from './helpers.js';
import { api, seedOrganization } from './appSeed.js';

// Issue 16: the dashboard's results page for an assessment on mehvar-core v2.

async function v2Results(lang: 'fa' | 'en') {
  const c = await buildConsultantApp();
  const orgId = await seedOrganization(c.app, c.consultant);
  const a = await api(c.app, c.consultant, 'POST', `/organizations/${orgId}/assessments`, { title: 'دور نسخه‌ی دوم', questionnaireId: 'mehvar-core', targets: { culture: 70, process: 70, interaction: 75 } });
  const first = c.q.items[0].id;
  // Six responses; the first item does not apply to two of them, and one does not know.
  const responses = Array.from({ length: 6 }, (_, s) => ({
    role: 'staff',
    answers: Object.fromEntries(c.q.items.map((item, i) => [item.id, i === 0 && s < 2 ? 'na' : i === 0 && s === 2 ? null : 1 + ((s * 7 + i * i + i) % 5)])),
  }));
  await api(c.app, c.consultant, 'POST', `/assessments/${a.id}/responses/import`, { responses });
  const s = c.session(c.consultant);
  const html = await (await c.get(`/app/assessments/${a.id}/results${lang === 'en' ? '?lang=en' : ''}`, s.cookie)).text();
  return { c, html, first };
}

describe('results of a v2 assessment on the dashboard', () => {
  it('counts "not applicable" apart from "don\'t know", in the legend and under each item', async () => {
    const fa = await v2Results('fa');
    const item = fa.html.slice(fa.html.indexOf(`data-item="${fa.first}"`));
    expect(item.slice(0, item.indexOf('</li>'))).toContain('۳ پاسخ · نمی‌دانم: ۱ · مربوط نیست: ۲');
    expect(fa.html).toMatch(/<ul class="legend">[\s\S]*مربوط نیست[\s\S]*<\/ul>/);
    const en = await v2Results('en');
    expect(en.html).toContain('3 answers · don’t know: 1 · not applicable: 2');
  });

  it('cites each recommendation\'s seed by title, never by file name, and quotes it in English on the English page', async () => {
    const fa = await v2Results('fa');
    expect(fa.html).toMatch(/<footer>منبع: متن [۱-۵]: /);
    expect(fa.html).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    const en = await v2Results('en');
    expect(en.html).toMatch(/<footer>Source: Text [1-5]: /);
    expect(en.html).toMatch(/<blockquote><p lang="en" dir="ltr">“/);
    expect(en.html).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
  });

  it('says under each dimension what its level means for that dimension', async () => {
    for (const lang of ['fa', 'en'] as const) {
      const { c, html } = await v2Results(lang);
      for (const d of ['culture', 'process', 'interaction'] as const) {
        const card = html.slice(html.indexOf(`data-dimension="${d}"`));
        const shown = c.q.maturityLevels.filter((m) => card.slice(0, card.indexOf('</article>')).includes(m.byDimension![d][lang].replace(/'/g, '&#39;')));
        expect(shown, `${lang} ${d}`).toHaveLength(1);
      }
    }
  });

  it('says nothing of "not applicable" on the results of a v1 assessment, whose respondents never had it', async () => {
    const c = await buildConsultantApp();
    const orgId = await seedOrganization(c.app, c.consultant);
    const a = await api(c.app, c.consultant, 'POST', `/organizations/${orgId}/assessments`, { title: 'دور نسخه‌ی اول', questionnaireId: 'mehvar-core', questionnaireVersion: 1 });
    const v1 = c.t.deps.questionnaires.get('mehvar-core', 1)!.definition;
    const responses = Array.from({ length: 6 }, (_, s) => ({ role: 'staff', answers: Object.fromEntries(v1.items.map((item, i) => [item.id, 1 + ((s + i) % 5)])) }));
    await api(c.app, c.consultant, 'POST', `/assessments/${a.id}/responses/import`, { responses });
    const s = c.session(c.consultant);
    const fa = await (await c.get(`/app/assessments/${a.id}/results`, s.cookie)).text();
    const en = await (await c.get(`/app/assessments/${a.id}/results?lang=en`, s.cookie)).text();
    expect(fa).toContain('نمی‌دانم');
    expect(fa).not.toContain('مربوط نیست');
    expect(en).not.toMatch(/not applicable/i);
  });
});
