import type { AppDeps } from '../deps.js';
import { Conflict, type FieldError, Invalid } from '../domain/errors.js';
import { type ImportedResponse, isClosed, type User } from '../domain/records.js';
import type { Questionnaire } from '../questionnaire/schema.js';
import { findAssessment } from '../repositories/assessments.js';
import { recordAudit } from '../repositories/audit.js';
import { insertImportedResponses } from '../repositories/responses.js';
import { requireWriter } from './access.js';
import { assessmentFor, requireOpen } from './assessments.js';
import { questionnaireOf } from './questionnaires.js';

/** What an import body parsed into against the assessment's questionnaire: the rows, or every bad row's field. */
export interface ParsedImport {
  rows: ImportedResponse[];
  errors: FieldError[];
}

/**
 * Imports paper responses, all or nothing, and records how many. Writers only, open assessments only.
 * `parse` reads the body against the assessment's questionnaire (the adapter knows its format and
 * encoding); it runs only once access and the assessment's state allow the import, and gives other
 * requests turns while it checks a large file, so the assessment is checked again before storing.
 */
export async function importResponses(
  deps: AppDeps,
  user: User,
  assessmentId: string,
  format: string,
  parse: (q: Questionnaire) => Promise<ParsedImport>,
): Promise<number> {
  const assessment = await assessmentFor(deps, user, assessmentId);
  requireWriter(user);
  requireOpen(deps, assessment, 'This assessment is closed; responses can no longer be imported.');
  const now = deps.clock();
  const q = questionnaireOf(deps, assessment).definition;
  const result = await parse(q);
  if (result.errors.length) throw new Invalid('The import has bad rows; nothing was stored.', result.errors);
  const current = await findAssessment(deps.db, user, assessment.id);
  if (!current || isClosed(current, deps.clock())) throw new Conflict('This assessment closed while the import was being checked; nothing was stored.', 'closed');
  const imported = await insertImportedResponses(deps.db, assessment.id, q, result.rows, now);
  await recordAudit(deps.db, user, { action: 'responses.import', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id, details: { imported, format } }, now);
  return imported;
}
