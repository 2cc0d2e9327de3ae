import type { Lang } from './localize.js';
import type { Questionnaire, Source } from './schema.js';

/**
 * How a seed text is named to people: its title in the questionnaire ("Text 5: Customer relationship
 * management"), else "Text n" from its number. Never its file name.
 */
export function seedTitle(q: Pick<Questionnaire, 'seeds'>, file: string, lang: Lang): string {
  const titled = q.seeds?.find((s) => s.file === file);
  if (titled) return titled.title[lang];
  const n = Number.parseInt(file.slice(0, 3), 10) + 1;
  return lang === 'fa' ? `متن ${n.toLocaleString('fa-IR')}` : `Text ${n}`;
}

/** The quote in the reader's language where a translation exists, else as it stands in the seed (Persian). */
export function quoteFor(source: Source, lang: Lang): { text: string; lang: Lang } {
  return lang === 'en' && source.translation ? { text: source.translation.en, lang: 'en' } : { text: source.quote, lang: 'fa' };
}
