import type { AppDeps } from '../deps.js';
import { Conflict, Invalid, NotFound } from '../domain/errors.js';
import { type Assessment, type Invitation, isClosed, type OrganizationProfile } from '../domain/records.js';
import { type AnswerMap, checkAnswers, checkComments } from '../domain/answerMaps.js';
import type { Questionnaire } from '../questionnaire/schema.js';
import { findAssessmentById } from '../repositories/assessments.js';
import { findInvitationByToken } from '../repositories/invitations.js';
import { readOrganizationProfile } from '../repositories/organizations.js';
import { mergeDraft, readDraft, submitDraft } from '../repositories/responses.js';
import { questionnaireOf } from './questionnaires.js';

// A respondent's use cases, for the JSON API (src/routes/respond.ts) and the pages under /r alike. The
// invitation token is the only credential: nothing here reveals anyone else's answers.

/** One invitation link: the invitation, its assessment and the questionnaire it is answered on. */
export interface RespondentLink {
  invitation: Invitation;
  assessment: Assessment;
  questionnaire: Questionnaire;
}

/** What a respondent sees of a link: also the organization, whether it still takes answers, and the saved draft. */
export interface RespondentVisit extends RespondentLink {
  organization: Pick<OrganizationProfile, 'name_fa' | 'name_en'>;
  closed: boolean;
  draft: { answers: AnswerMap; comments: Record<string, string> };
}

const MAX_TOKEN = 200;

/** The link a token names; an unknown token is 404 (a link is never "forbidden": it either works or is none). */
export async function findLink(deps: AppDeps, token: string): Promise<RespondentLink> {
  const invitation = token.length <= MAX_TOKEN ? await findInvitationByToken(deps.db, token) : undefined;
  if (!invitation) throw new NotFound('Invitation');
  const assessment = await findAssessmentById(deps.db, invitation.assessment_id);
  if (!assessment) throw new Error(`invitation ${invitation.id} has no assessment`);
  return { invitation, assessment, questionnaire: questionnaireOf(deps, assessment).definition };
}

/** Whether a token names a link at all (the rate limiter tells guesses from use). */
export async function isKnownLink(deps: AppDeps, token: string): Promise<boolean> {
  return (await findInvitationByToken(deps.db, token)) !== undefined;
}

/** The link with what its respondent sees; a submitted link shows no draft (there is none any more). */
export async function visitLink(deps: AppDeps, token: string): Promise<RespondentVisit> {
  const link = await findLink(deps, token);
  const { name_fa, name_en } = await readOrganizationProfile(deps.db, link.assessment.organization_id);
  return {
    ...link,
    organization: { name_fa, name_en },
    closed: isClosed(link.assessment, deps.clock()),
    draft: link.invitation.status === 'submitted' ? { answers: {}, comments: {} } : readDraft(link.invitation),
  };
}

const linkOf = (deps: AppDeps, link: string | RespondentLink) => (typeof link === 'string' ? findLink(deps, link) : Promise.resolve(link));

function checkFit(q: Questionnaire, answers: Record<string, unknown>, comments: Record<string, string>): void {
  const errors = [...checkAnswers(q, answers, 'answers'), ...checkComments(q, comments, 'comments')];
  if (errors.length) throw new Invalid('Some answers do not fit the questionnaire; nothing was saved.', errors);
}

const alreadySubmitted = () => new Conflict('This questionnaire was already submitted; answers can no longer change.', 'submitted');

/**
 * Merges answers (and section comments; an empty one removes it) into the saved draft, through the write
 * batcher's group commit. Refused when they do not fit the questionnaire (422), or the link has submitted
 * or the assessment closed (409); nothing is saved then.
 */
export async function saveAnswers(deps: AppDeps, link: string | RespondentLink, answers: AnswerMap, comments: Record<string, string> = {}) {
  const { invitation, assessment, questionnaire } = await linkOf(deps, link);
  checkFit(questionnaire, answers, comments);
  if (invitation.status === 'submitted') throw alreadySubmitted();
  const now = deps.clock();
  if (isClosed(assessment, now)) throw new Conflict('This assessment is closed; answers are no longer accepted.', 'closed');
  const outcome = await deps.writes.run((trx) => mergeDraft(trx, invitation.id, answers, comments, now));
  if (outcome.kind === 'submitted') throw alreadySubmitted();
  return { answers: outcome.answers, comments: outcome.comments, answered: Object.keys(outcome.answers).length, total: questionnaire.items.length };
}

/**
 * Submits the draft, with `last` answers merged first in the same transaction; idempotent: a link that
 * submitted answers with its first response's id. Refused when `last` does not fit (422), the assessment
 * closed (409), or nothing at all was answered (422, code `nothingAnswered`).
 */
export async function submitAnswers(deps: AppDeps, link: string | RespondentLink, last: { answers?: AnswerMap; comments?: Record<string, string> } = {}): Promise<string> {
  const { invitation, assessment, questionnaire } = await linkOf(deps, link);
  checkFit(questionnaire, last.answers ?? {}, last.comments ?? {});
  if (invitation.response_id) return invitation.response_id;
  const now = deps.clock();
  if (isClosed(assessment, now)) throw new Conflict('This assessment is closed; submissions are no longer accepted.', 'closed');
  const merge = last.answers || last.comments ? { answers: last.answers ?? {}, comments: last.comments ?? {} } : undefined;
  const outcome = await deps.writes.run((trx) => submitDraft(trx, invitation.id, questionnaire, now, merge));
  if (outcome.kind === 'empty') throw new Invalid('Answer at least one question before submitting.', [{ path: 'answers', message: 'no answers saved yet' }], 'nothingAnswered');
  return outcome.responseId;
}
