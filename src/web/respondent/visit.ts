import type { AppDeps } from '../../deps.js';
import { NotFound } from '../../domain/errors.js';
import type { Assessment, Invitation } from '../../domain/records.js';
import type { AnswerMap } from '../../domain/answerMaps.js';
import { localizeQuestionnaire } from '../../questionnaire/localize.js';
import type { Questionnaire } from '../../questionnaire/schema.js';
import { visitLink } from '../../services/respondents.js';
import type { Lang } from '../shared/i18n.js';

export type LocalizedQuestionnaire = ReturnType<typeof localizeQuestionnaire>;
export type LocalizedSection = LocalizedQuestionnaire['sections'][number];

/** What every respondent page needs to know about one invitation link, in the reader's language. */
export interface Visit {
  token: string;
  lang: Lang;
  invitation: Invitation;
  assessment: Assessment;
  questionnaire: Questionnaire;
  view: LocalizedQuestionnaire;
  organization: string;
  closed: boolean;
  draft: { answers: AnswerMap; comments: Record<string, string> };
}

/** Loads a visit by token (the same service as the JSON API), or undefined for a token that matches no invitation. */
export async function loadVisit(deps: AppDeps, token: string, lang: Lang): Promise<Visit | undefined> {
  let visit;
  try {
    visit = await visitLink(deps, token);
  } catch (err) {
    if (err instanceof NotFound) return undefined;
    throw err;
  }
  const { organization: org, ...rest } = visit;
  return { ...rest, token, lang, view: localizeQuestionnaire(rest.questionnaire, lang), organization: lang === 'en' ? (org.name_en ?? org.name_fa) : org.name_fa };
}

export function answeredCount(v: Pick<Visit, 'view' | 'draft'>): number {
  return v.view.sections.reduce((n, s) => n + s.items.filter((i) => i.id in v.draft.answers).length, 0);
}

export function totalItems(v: Pick<Visit, 'view'>): number {
  return v.view.sections.reduce((n, s) => n + s.items.length, 0);
}

/** 1-based number of the first section with an unanswered item; the last section when all are answered. */
export function resumeSection(v: Pick<Visit, 'view' | 'draft'>): number {
  const i = v.view.sections.findIndex((s) => s.items.some((item) => !(item.id in v.draft.answers)));
  return i === -1 ? v.view.sections.length : i + 1;
}

/** The 1-based section number from the URL, or undefined when it is not a section of this questionnaire. */
export function sectionNumber(v: Pick<Visit, 'view'>, raw: string): number | undefined {
  if (!/^[1-9]\d{0,2}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n <= v.view.sections.length ? n : undefined;
}
