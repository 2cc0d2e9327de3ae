import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import type { Assessment, User } from '../db/tables.js';
import { AppError, notFound } from '../errors.js';
import { findAssessment } from '../repositories/assessments.js';
import type { LoadedQuestionnaire } from '../questionnaire/registry.js';
import { requireUser } from './auth.js';

/** The caller and an assessment it may see; another tenant's assessment is indistinguishable from none. */
export async function assessmentForCaller(deps: AppDeps, c: Context, id: string): Promise<{ user: User; assessment: Assessment }> {
  const user = await requireUser(deps.db, c);
  const assessment = await findAssessment(deps.db, user, id);
  if (!assessment) throw notFound('Assessment');
  return { user, assessment };
}

export function questionnaireOf(deps: AppDeps, a: Pick<Assessment, 'questionnaire_id' | 'questionnaire_version'>): LoadedQuestionnaire {
  const q = deps.questionnaires.get(a.questionnaire_id, a.questionnaire_version);
  // Start-up refuses to run when a used version is missing, so this is a broken invariant, not bad input.
  if (!q) throw new Error(`questionnaire ${a.questionnaire_id} v${a.questionnaire_version} is not loaded`);
  return q;
}

export function requireWriter(user: User): void {
  if (user.role === 'manager') throw new AppError(403, 'Managers have read-only access.');
}
