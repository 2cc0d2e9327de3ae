import type { Db } from '../db/database.js';
import type { Assessment, Organization, User } from '../db/tables.js';
import type { DimensionId } from '../questionnaire/schema.js';
import type { LoadedQuestionnaire } from '../questionnaire/registry.js';
import type { AppDeps } from '../deps.js';
import { planRelease } from '../domain/anonymity.js';
import { finalScoresOf } from './benchmark.js';
import { closeAssessment, insertAssessment } from '../repositories/assessments.js';
import { countReleased, releasePending, releaseState } from '../repositories/releases.js';
import { recordAudit } from '../repositories/audit.js';

export interface AssessmentFields {
  title: string;
  anonymityThreshold: number;
  targets: Partial<Record<DimensionId, number>>;
  closesAt: Date | null;
}

/** Starts an assessment on a questionnaire version (whose hash freezes it) and records who did. The API and the dashboard both start them here. */
export async function startAssessment(db: Db, user: User, org: Organization, q: LoadedQuestionnaire, f: AssessmentFields, now: Date): Promise<Assessment> {
  const a = await insertAssessment(
    db,
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
  await recordAudit(db, user, { action: 'assessment.create', organizationId: org.id, targetType: 'assessment', targetId: a.id, details: { questionnaire: `${a.questionnaire_id}@${a.questionnaire_version}` } }, now);
  return a;
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
export async function closingPreview(db: Db, a: Assessment): Promise<{ pending: number; leftOut: number; moreToInclude: number }> {
  const state = await releaseState(db, a.id);
  const included = planRelease({ ...state, closed: true, k: a.anonymity_threshold }).release;
  const leftOut = included ? 0 : state.pending;
  return { pending: state.pending, leftOut, moreToInclude: leftOut ? a.anonymity_threshold - state.pending : 0 };
}

/** Closes an assessment (once: a second close changes and audits nothing) and takes its final snapshot. The API and the dashboard both close here. */
export async function closeAssessmentFor(deps: AppDeps, user: User, a: Assessment): Promise<Assessment & { figures: ClosingOutcome }> {
  const { db } = deps;
  const now = deps.clock();
  await closeAssessment(db, a.id, now);
  if (!a.closed_at) await recordAudit(db, user, { action: 'assessment.close', organizationId: a.organization_id, targetType: 'assessment', targetId: a.id }, now);
  await releasePending(db, a.id, a.anonymity_threshold, true);
  // The final figures never change again: their headline scores are stored now for comparisons.
  await finalScoresOf(deps, a.id);
  const state = await releaseState(db, a.id);
  const released = await countReleased(db, a.id);
  return { ...a, closed_at: a.closed_at ?? now.toISOString(), figures: { inFigures: released, leftOut: state.pending } };
}
