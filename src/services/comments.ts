import type { AppDeps } from '../deps.js';
import type { Assessment, User } from '../db/tables.js';
import { discloseRows } from '../domain/anonymity.js';
import { presentComments, type PresentedComments } from '../domain/presentComments.js';
import { commentsCsv } from '../exports/csv.js';
import type { Lang } from '../questionnaire/localize.js';
import { recordAudit } from '../repositories/audit.js';
import { listReleasedComments } from '../repositories/comments.js';
import { readScoringData } from './results.js';

/** The comments of an assessment as its readers may see them, with themes per section. */
export async function loadComments(deps: AppDeps, a: Assessment, lang: Lang): Promise<PresentedComments> {
  const q = deps.questionnaires.get(a.questionnaire_id, a.questionnaire_version)!.definition;
  // Reading the scoring data takes the snapshot first, which releases waiting comments with their responses.
  const data = await readScoringData(deps, a);
  const { snapshot } = discloseRows(data.rows, a.anonymity_threshold, data.closed);
  return presentComments(a.id, q, snapshot.figuresShown ? await listReleasedComments(deps.db, a.id) : [], snapshot, lang);
}

/** comments.csv: the same comments under the same rules, one row each. */
export async function exportComments(deps: AppDeps, user: User, a: Assessment, lang: Lang): Promise<{ filename: string; csv: string }> {
  const presented = await loadComments(deps, a, lang);
  await recordAudit(deps.db, user, { action: 'export.comments', organizationId: a.organization_id, targetType: 'assessment', targetId: a.id }, deps.clock());
  return { filename: `mehvar-${a.id}-comments.csv`, csv: commentsCsv(presented) };
}
