import type { AppDeps } from '../../deps.js';
import type { Assessment, Invitation } from '../../db/tables.js';
import { questionnaireOf } from '../../http/access.js';
import { isClosed } from '../../repositories/assessments.js';
import { findInvitationByToken } from '../../repositories/invitations.js';
import { readDraft } from '../../repositories/responses.js';
import type { AnswerMap } from '../../questionnaire/answers.js';
import { localizeQuestionnaire } from '../../questionnaire/localize.js';
import type { Questionnaire } from '../../questionnaire/schema.js';
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

/** Loads a visit by token, or undefined for a token that matches no invitation (the same lookup as the JSON API). */
export async function loadVisit(deps: AppDeps, token: string, lang: Lang): Promise<Visit | undefined> {
  if (token.length > 200) return undefined;
  const invitation = await findInvitationByToken(deps.db, token);
  if (!invitation) return undefined;
  const assessment = await deps.db.selectFrom('assessments').selectAll().where('id', '=', invitation.assessment_id).executeTakeFirstOrThrow();
  const org = await deps.db
    .selectFrom('organizations')
    .select(['name_fa', 'name_en'])
    .where('id', '=', assessment.organization_id)
    .executeTakeFirstOrThrow();
  const questionnaire = questionnaireOf(deps, assessment).definition;
  return {
    token,
    lang,
    invitation,
    assessment,
    questionnaire,
    view: localizeQuestionnaire(questionnaire, lang),
    organization: lang === 'en' ? (org.name_en ?? org.name_fa) : org.name_fa,
    closed: isClosed(assessment, deps.clock()),
    draft: invitation.status === 'submitted' ? { answers: {}, comments: {} } : readDraft(invitation),
  };
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
