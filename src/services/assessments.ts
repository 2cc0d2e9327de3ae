import type { Db } from '../db/database.js';
import type { Assessment, Organization, User } from '../db/tables.js';
import type { DimensionId } from '../questionnaire/schema.js';
import type { LoadedQuestionnaire } from '../questionnaire/registry.js';
import { insertAssessment } from '../repositories/assessments.js';
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
