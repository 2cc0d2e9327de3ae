import QRCode from 'qrcode';
import type { AppDeps } from '../deps.js';
import { type AnswerMap, checkAnswers, NA, toAnswerVector } from '../domain/answerMaps.js';
import { encodeAnswers } from '../domain/answers.js';
import { type CustomerLink, type CustomerSurvey, isSurveyClosed, MAX_SINGLE_USE_PER_REQUEST } from '../domain/customerSurvey.js';
import { Conflict, type FieldError, Invalid, NotFound } from '../domain/errors.js';
import type { Assessment, OrganizationProfile, User } from '../domain/records.js';
import type { Questionnaire } from '../questionnaire/schema.js';
import { findAssessmentById } from '../repositories/assessments.js';
import { recordAudit } from '../repositories/audit.js';
import {
  countCustomerResponses,
  countSingleUseLinks,
  findSurveyByAssessment,
  findSurveyByToken,
  insertCustomerResponse,
  insertSingleUseLinks,
  insertSurvey,
  setSurveyClosesAt,
} from '../repositories/customerSurveys.js';
import { readOrganizationProfile } from '../repositories/organizations.js';
import { requireWriter } from './access.js';
import { assessmentFor, requireOpen } from './assessments.js';

// The customer survey's use cases: the consultant opens it beside an assessment (API and dashboard), and
// customers answer it through its link (API and the pages under /c). A link never reveals any answers.

export const customerUrl = (deps: Pick<AppDeps, 'config'>, token: string) => `${deps.config.publicUrl}/c/${token}`;

/** The customer questionnaire a survey is answered on (start-up loads every version a survey uses). */
export function customerQuestionnaireOf(deps: Pick<AppDeps, 'questionnaires'>, s: Pick<CustomerSurvey, 'questionnaire_id' | 'questionnaire_version'>): Questionnaire {
  const q = deps.questionnaires.customer(s.questionnaire_id, s.questionnaire_version);
  if (!q) throw new Error(`customer questionnaire ${s.questionnaire_id} v${s.questionnaire_version} is not loaded`);
  return q.definition;
}

export interface SurveyRequest {
  closesAt?: Date;
  singleUseCount?: number;
}

export interface OpenedSurvey {
  survey: CustomerSurvey;
  url: string;
  /** Only the single-use links made by this request: their tokens are not kept. */
  singleUse: string[];
  created: boolean;
}

/**
 * Opens the assessment's customer survey, or, when it has one, sets its closing date and adds single-use
 * links: one survey per assessment, whose link follows the assessment (open while it is). Writers only;
 * refused for a closed assessment (409) and for a closing date that has passed (422).
 */
export async function openCustomerSurvey(deps: AppDeps, user: User, assessmentId: string, req: SurveyRequest): Promise<OpenedSurvey> {
  const assessment = await assessmentFor(deps, user, assessmentId);
  requireWriter(user);
  requireOpen(deps, assessment, 'This assessment is closed; its customer survey closed with it.');
  const now = deps.clock();
  const problems: FieldError[] = [];
  if (req.closesAt && !(req.closesAt.getTime() > now.getTime())) problems.push({ path: 'closesAt', message: 'must be in the future' });
  if (req.singleUseCount !== undefined && !(req.singleUseCount >= 0 && req.singleUseCount <= MAX_SINGLE_USE_PER_REQUEST))
    problems.push({ path: 'singleUseCount', message: `must be between 0 and ${MAX_SINGLE_USE_PER_REQUEST}` });
  const q = deps.questionnaires.customer();
  if (!q) problems.push({ path: 'assessmentId', message: 'no customer questionnaire is loaded (questionnaires/*.json with "audience": "customers")' });
  if (problems.length || !q) throw new Invalid('The customer survey cannot be opened as asked; nothing was changed.', problems);

  let survey = await findSurveyByAssessment(deps.db, assessment.id);
  const created = !survey;
  if (!survey)
    survey = await insertSurvey(
      deps.db,
      {
        assessment_id: assessment.id,
        questionnaire_id: q.definition.id,
        questionnaire_version: q.definition.version,
        questionnaire_hash: q.hash,
        closes_at: req.closesAt?.toISOString() ?? null,
        created_by: user.id,
      },
      now,
    );
  else if (req.closesAt) {
    await setSurveyClosesAt(deps.db, survey.id, req.closesAt.toISOString());
    survey = { ...survey, closes_at: req.closesAt.toISOString() };
  }
  const tokens = req.singleUseCount ? await insertSingleUseLinks(deps.db, survey.id, req.singleUseCount) : [];
  await recordAudit(
    deps.db,
    user,
    {
      action: created ? 'customerSurvey.create' : 'customerSurvey.update',
      organizationId: assessment.organization_id,
      targetType: 'assessment',
      targetId: assessment.id,
      details: { closesAt: survey.closes_at, singleUse: tokens.length },
    },
    now,
  );
  return { survey, url: customerUrl(deps, survey.token), singleUse: tokens.map((t) => customerUrl(deps, t)), created };
}

export interface SurveyStatus {
  survey: CustomerSurvey;
  url: string;
  open: boolean;
  /** Customer answers received (a count is always shown; figures only from k, see customerView.ts). */
  submitted: number;
  singleUse: { total: number; used: number };
}

/** The assessment's customer survey, or null when it has none. */
export async function customerSurveyStatus(deps: AppDeps, assessment: Assessment): Promise<SurveyStatus | null> {
  const survey = await findSurveyByAssessment(deps.db, assessment.id);
  if (!survey) return null;
  const [submitted, singleUse] = await Promise.all([countCustomerResponses(deps.db, survey.id), countSingleUseLinks(deps.db, survey.id)]);
  return { survey, url: customerUrl(deps, survey.token), open: !isSurveyClosed(survey, assessment, deps.clock()), submitted, singleUse };
}

/** The same for a caller who may see the assessment; 404 when it has no survey. */
export async function customerSurveyFor(deps: AppDeps, user: User, assessmentId: string): Promise<SurveyStatus> {
  const status = await customerSurveyStatus(deps, await assessmentFor(deps, user, assessmentId));
  if (!status) throw new NotFound('Customer survey', 'This assessment has no customer survey yet.');
  return status;
}

/** The shareable link as a PNG QR code, for printing on receipts and posters. */
export async function customerSurveyQr(deps: AppDeps, user: User, assessmentId: string, size = 512): Promise<{ png: Buffer; url: string }> {
  const { url } = await customerSurveyFor(deps, user, assessmentId);
  const png = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: size });
  return { png, url };
}

/** What a customer sees at a link. */
export interface CustomerVisit {
  token: string;
  survey: CustomerSurvey;
  link: CustomerLink | null;
  assessment: Assessment;
  questionnaire: Questionnaire;
  organization: Pick<OrganizationProfile, 'name_fa' | 'name_en'>;
  closed: boolean;
  /** A single-use link already used. */
  used: boolean;
}

const MAX_TOKEN = 200;

/** The survey a customer link opens; an unknown token is 404. */
export async function visitCustomerSurvey(deps: AppDeps, token: string): Promise<CustomerVisit> {
  const found = token.length <= MAX_TOKEN ? await findSurveyByToken(deps.db, token) : undefined;
  if (!found) throw new NotFound('Survey', 'This survey link is not valid.');
  const assessment = await findAssessmentById(deps.db, found.survey.assessment_id);
  if (!assessment) throw new Error(`customer survey ${found.survey.id} has no assessment`);
  const { name_fa, name_en } = await readOrganizationProfile(deps.db, assessment.organization_id);
  return {
    token,
    ...found,
    assessment,
    questionnaire: customerQuestionnaireOf(deps, found.survey),
    organization: { name_fa, name_en },
    closed: isSurveyClosed(found.survey, assessment, deps.clock()),
    used: found.link?.used === 1,
  };
}

/** Whether a token opens a customer survey (the rate limiter tells guesses from use). */
export async function isKnownCustomerLink(deps: AppDeps, token: string): Promise<boolean> {
  return token.length <= MAX_TOKEN && (await findSurveyByToken(deps.db, token)) !== undefined;
}

/**
 * Stores one customer's answers. Refused when they do not fit the questionnaire or nothing is answered (422),
 * when the survey is closed or a single-use link was used (409); nothing is stored then. `trapped`: the
 * honeypot field was filled in, which people never see: the bot is answered as if stored, and nothing is.
 */
export async function submitCustomerAnswers(deps: AppDeps, visit: string | CustomerVisit, answers: AnswerMap, opts: { trapped?: boolean } = {}): Promise<{ stored: boolean }> {
  const v = typeof visit === 'string' ? await visitCustomerSurvey(deps, visit) : visit;
  const q = v.questionnaire;
  const errors = checkAnswers(q, answers, 'answers');
  for (const [id, value] of Object.entries(answers))
    if (value === NA && !errors.some((e) => e.path === `answers.${id}`)) errors.push({ path: `answers.${id}`, message: 'customers answer on the scale or "don\'t know" (null)' });
  if (errors.length) throw new Invalid('Some answers do not fit the survey; nothing was saved.', errors);
  if (Object.keys(answers).length === 0)
    throw new Invalid('Answer at least one question before sending.', [{ path: 'answers', message: 'no answers given' }], 'nothingAnswered');
  const now = deps.clock();
  if (v.closed) throw new Conflict('This survey is closed; answers are no longer accepted.', 'closed');
  if (v.used) throw new Conflict('This link was already used to answer.', 'submitted');
  if (opts.trapped) return { stored: false };
  const code = encodeAnswers(toAnswerVector(q, answers));
  const outcome = await deps.writes.run((trx) => insertCustomerResponse(trx, v.survey.id, code, now.toISOString().slice(0, 10), v.link?.id ?? null));
  if (outcome.kind === 'linkUsed') throw new Conflict('This link was already used to answer.', 'submitted');
  return { stored: true };
}
