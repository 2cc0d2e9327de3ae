import type { AppDeps } from '../deps.js';
import { planRelease } from '../domain/anonymity.js';
import { Conflict, type FieldError, Invalid, NotFound } from '../domain/errors.js';
import { type Assessment, isClosed, type Organization, type User } from '../domain/records.js';
import type { DimensionId } from '../questionnaire/schema.js';
import { closeAssessment, countParticipation, findAssessment, findVisibleAssessment, insertAssessment } from '../repositories/assessments.js';
import { recordAudit } from '../repositories/audit.js';
import { summarizeInvitations } from '../repositories/invitations.js';
import { destroyInviteeAddresses } from '../repositories/inviteeAddresses.js';
import { countReleased, releasePending, releaseState } from '../repositories/releases.js';
import { requireRole, requireWriter } from './access.js';
import { deleteAssessmentRows, reopenAssessment, updateAssessment } from '../repositories/assessments.js';
import { inTransaction } from '../repositories/transactions.js';
import { namesMatch } from './organizations.js';
import { finalScoresOf } from './benchmark.js';
import { organizationFor } from './organizations.js';

export type Participation = Awaited<ReturnType<typeof countParticipation>>;

/** An assessment the caller may see; another tenant's is indistinguishable from none (404). */
export async function assessmentFor(deps: AppDeps, user: User, id: string): Promise<Assessment> {
  const a = await findAssessment(deps.db, user, id);
  if (!a) throw new NotFound('Assessment');
  return a;
}

/** The same, with its organization, for pages that name both. */
export async function assessmentWithOrganization(deps: AppDeps, user: User, id: string): Promise<{ assessment: Assessment; org: Organization }> {
  const found = await findVisibleAssessment(deps.db, user, id);
  if (!found) throw new NotFound('Assessment');
  return { assessment: found.assessment, org: found.organization };
}

/** An assessment with its response counts. */
export async function describeAssessment(deps: AppDeps, user: User, id: string): Promise<{ assessment: Assessment; participation: Participation }> {
  const assessment = await assessmentFor(deps, user, id);
  return { assessment, participation: await countParticipation(deps.db, assessment.id) };
}

/** What the dashboard's assessment page shows: counts, links not yet started, and what closing would do. */
export async function assessmentOverview(deps: AppDeps, user: User, id: string) {
  const { assessment, org } = await assessmentWithOrganization(deps, user, id);
  const [p, { notStarted }, closing] = await Promise.all([countParticipation(deps.db, assessment.id), summarizeInvitations(deps.db, assessment.id), closingPreview(deps, assessment)]);
  return { assessment, org, participation: { ...p, notStarted }, closing, closed: isClosed(assessment, deps.clock()) };
}

export interface AssessmentRequest {
  title: string;
  questionnaireId: string;
  /** The newest version when not given. */
  questionnaireVersion?: number;
  anonymityThreshold: number;
  targets: Partial<Record<DimensionId, number>>;
  closesAt: Date | null;
}

/**
 * Starts an assessment on a questionnaire version (whose hash freezes it) and records who did. Refused
 * (422, naming each field) for an unknown questionnaire or a closing date that has passed.
 */
export async function startAssessment(deps: AppDeps, user: User, orgId: string, f: AssessmentRequest): Promise<Assessment> {
  const org = await organizationFor(deps, user, orgId);
  requireRole(user, 'consultant', 'admin');
  const q = deps.questionnaires.get(f.questionnaireId, f.questionnaireVersion);
  const now = deps.clock();
  const problems: FieldError[] = [];
  if (!q)
    problems.push({
      path: f.questionnaireVersion ? 'questionnaireVersion' : 'questionnaireId',
      message: `unknown questionnaire ${f.questionnaireId}${f.questionnaireVersion ? ` v${f.questionnaireVersion}` : ''}`,
    });
  if (f.closesAt && !(f.closesAt.getTime() > now.getTime())) problems.push({ path: 'closesAt', message: 'must be in the future' });
  if (!q || problems.length) throw new Invalid(!q ? 'No such questionnaire.' : 'The closing date must be in the future.', problems);
  const a = await insertAssessment(
    deps.db,
    {
      organization_id: org.id,
      title: f.title,
      questionnaire_id: q.definition.id,
      questionnaire_version: q.definition.version,
      questionnaire_hash: q.hash,
      anonymity_threshold: f.anonymityThreshold,
      target_culture: f.targets.culture ?? null,
      target_process: f.targets.process ?? null,
      target_interaction: f.targets.interaction ?? null,
      closes_at: f.closesAt ? f.closesAt.toISOString() : null,
      created_by: user.id,
    },
    now,
  );
  await recordAudit(deps.db, user, { action: 'assessment.create', organizationId: org.id, targetType: 'assessment', targetId: a.id, details: { questionnaire: `${a.questionnaire_id}@${a.questionnaire_version}` } }, now);
  return a;
}

/** Refuses (409) anything that needs an open assessment once it is closed, by hand or by its date. */
export function requireOpen(deps: Pick<AppDeps, 'clock'>, a: Assessment, reason: string): void {
  if (isClosed(a, deps.clock())) throw new Conflict(reason, 'closed');
}

export interface ClosingOutcome {
  /** Responses in the final figures. */
  inFigures: number;
  /** Submitted after the last update and kept out of the final figures (domain/anonymity.ts). */
  leftOut: number;
}

/**
 * What closing now would do to the figures: how many waiting submissions would stay out of the final
 * snapshot. The dashboard warns with it before the consultant closes.
 */
export async function closingPreview(deps: AppDeps, a: Assessment): Promise<{ pending: number; leftOut: number; moreToInclude: number }> {
  const state = await releaseState(deps.db, a.id);
  const included = planRelease({ ...state, closed: true, k: a.anonymity_threshold }).release;
  const leftOut = included ? 0 : state.pending;
  return { pending: state.pending, leftOut, moreToInclude: leftOut ? a.anonymity_threshold - state.pending : 0 };
}

/**
 * Closes an assessment (once: a second close changes and audits nothing) and takes its final snapshot;
 * managers may not. The API and the dashboard both close here.
 */
export async function closeAssessmentFor(deps: AppDeps, user: User, id: string): Promise<{ assessment: Assessment; figures: ClosingOutcome; participation: Participation }> {
  const a = await assessmentFor(deps, user, id);
  requireWriter(user);
  const { db } = deps;
  const now = deps.clock();
  await closeAssessment(db, a.id, now);
  // Email invitees' addresses go at close, beyond recovery (anonymity.md); queued mail is cancelled.
  await destroyInviteeAddresses(db, a.id, now);
  if (!a.closed_at) await recordAudit(db, user, { action: 'assessment.close', organizationId: a.organization_id, targetType: 'assessment', targetId: a.id }, now);
  await releasePending(db, a.id, a.anonymity_threshold, true);
  // The final figures never change again: their headline scores are stored now for comparisons.
  await finalScoresOf(deps, a.id);
  const state = await releaseState(db, a.id);
  const released = await countReleased(db, a.id);
  return {
    assessment: { ...a, closed_at: a.closed_at ?? now.toISOString() },
    figures: { inFigures: released, leftOut: state.pending },
    participation: await countParticipation(db, a.id),
  };
}

export interface AssessmentChanges {
  title?: string;
  /** Only while nothing is submitted: a different k after figures were shown would break their steps. */
  anonymityThreshold?: number;
  targets?: Partial<Record<DimensionId, number | null>>;
  /** A future date, or null for none; only while open (reopen sets it on a closed one). */
  closesAt?: Date | null;
}

/** Edits an assessment (writers) and records which fields changed; 422 names a field that may not change now. */
export async function editAssessment(deps: AppDeps, user: User, id: string, f: AssessmentChanges): Promise<Assessment> {
  const a = await assessmentFor(deps, user, id);
  requireWriter(user);
  const now = deps.clock();
  const problems: FieldError[] = [];
  const fields: Parameters<typeof updateAssessment>[2] = {};
  if (f.title !== undefined && f.title !== a.title) fields.title = f.title;
  if (f.anonymityThreshold !== undefined && f.anonymityThreshold !== a.anonymity_threshold) {
    if ((await countParticipation(deps.db, a.id)).submitted > 0) problems.push({ path: 'anonymityThreshold', message: 'cannot change once responses are submitted' });
    else fields.anonymity_threshold = f.anonymityThreshold;
  }
  for (const d of ['culture', 'process', 'interaction'] as const) {
    const v = f.targets?.[d];
    if (v !== undefined && v !== a[`target_${d}`]) fields[`target_${d}`] = v;
  }
  if (f.closesAt !== undefined) {
    const next = f.closesAt ? f.closesAt.toISOString() : null;
    if (isClosed(a, now)) problems.push({ path: 'closesAt', message: 'the assessment is closed; reopen it with a new date' });
    else if (f.closesAt && !(f.closesAt.getTime() > now.getTime())) problems.push({ path: 'closesAt', message: 'must be in the future' });
    else if (next !== a.closes_at) fields.closes_at = next;
  }
  if (problems.length) throw new Invalid('Some fields cannot be changed as asked.', problems);
  const changed = Object.keys(fields);
  if (!changed.length) return a;
  await inTransaction(deps.db, async (trx) => {
    await updateAssessment(trx, a.id, fields);
    await recordAudit(trx, user, { action: 'assessment.update', organizationId: a.organization_id, targetType: 'assessment', targetId: a.id, details: { changed } }, now);
  });
  return { ...a, ...fields };
}

/**
 * Opens a closed assessment again (writers), with a new closing date or none. Its final snapshot stops being
 * final: the stored final scores are removed so comparisons and benchmarks no longer serve them, and the
 * figures go on from the releases already made, new submissions entering k at a time as before (a
 * response left out at closing enters with the next step, never alone). Reopening an open one is 409.
 */
export async function reopenAssessmentFor(deps: AppDeps, user: User, id: string, closesAt: Date | null): Promise<Assessment> {
  const a = await assessmentFor(deps, user, id);
  requireWriter(user);
  const now = deps.clock();
  if (!isClosed(a, now)) throw new Conflict('This assessment is open.');
  if (closesAt && !(closesAt.getTime() > now.getTime())) throw new Invalid('The closing date must be in the future.', [{ path: 'closesAt', message: 'must be in the future' }]);
  const next = closesAt ? closesAt.toISOString() : null;
  await inTransaction(deps.db, async (trx) => {
    await reopenAssessment(trx, a.id, next);
    await recordAudit(trx, user, { action: 'assessment.reopen', organizationId: a.organization_id, targetType: 'assessment', targetId: a.id, details: { closesAt: next } }, now);
  });
  return { ...a, closed_at: null, closes_at: next };
}

/**
 * Deletes an assessment with its links, responses and comments (writers). Free while nothing is submitted;
 * after that `confirmTitle` must be its title exactly (422 naming `confirm` otherwise).
 */
export async function deleteAssessment(deps: AppDeps, user: User, id: string, confirmTitle?: string): Promise<Assessment> {
  const a = await assessmentFor(deps, user, id);
  requireWriter(user);
  const { submitted } = await countParticipation(deps.db, a.id);
  if (submitted > 0 && !namesMatch(confirmTitle, [a.title]))
    throw new Invalid('This assessment has submitted responses; type its title to confirm the deletion.', [{ path: 'confirm', message: 'must be the assessment\'s title' }], 'confirmName');
  const now = deps.clock();
  // Email addresses first and beyond recovery: the rows' plain delete would leave their bytes in the file.
  await destroyInviteeAddresses(deps.db, a.id, now);
  await inTransaction(deps.db, async (trx) => {
    await deleteAssessmentRows(trx, a.id);
    await recordAudit(trx, user, { action: 'assessment.delete', organizationId: a.organization_id, targetType: 'assessment', targetId: a.id, details: { title: a.title, submitted } }, now);
  });
  return a;
}
