import type { Questionnaire } from './schema.js';

export type Lang = 'fa' | 'en';

/** The questionnaire as a respondent sees it: one language, items grouped by section in order. */
export function localizeQuestionnaire(q: Questionnaire, lang: Lang) {
  const scale = (min: number, max: number) =>
    Array.from({ length: max - min + 1 }, (_, i) => ({ value: min + i, label: q.scaleLabels[String(min + i)][lang] }));
  return {
    id: q.id,
    version: q.version,
    lang,
    dir: lang === 'fa' ? ('rtl' as const) : ('ltr' as const),
    title: q.title[lang],
    description: q.description[lang],
    estimatedMinutes: q.estimatedMinutes,
    dontKnowLabel: q.dontKnowLabel[lang],
    /** Null when the questionnaire offers no "not applicable" answer. */
    notApplicableLabel: q.notApplicableLabel?.[lang] ?? null,
    sections: q.sections.map((s) => ({
      id: s.id,
      title: s.title[lang],
      description: s.description?.[lang] ?? null,
      items: q.items
        .filter((i) => i.section === s.id)
        .map((i) => ({ id: i.id, text: i.text[lang], scale: scale(i.scale.min, i.scale.max) })),
    })),
  };
}
