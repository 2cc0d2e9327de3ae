import type { AppDeps } from '../deps.js';
import type { Assessment } from '../domain/records.js';
import type { LoadedQuestionnaire } from '../questionnaire/registry.js';

/** The questionnaire version an assessment was started on. */
export function questionnaireOf(deps: Pick<AppDeps, 'questionnaires'>, a: Pick<Assessment, 'questionnaire_id' | 'questionnaire_version'>): LoadedQuestionnaire {
  const q = deps.questionnaires.get(a.questionnaire_id, a.questionnaire_version);
  // Start-up refuses to run when a used version is missing, so this is a broken invariant, not bad input.
  if (!q) throw new Error(`questionnaire ${a.questionnaire_id} v${a.questionnaire_version} is not loaded`);
  return q;
}
