import type { AppDeps } from '../deps.js';
import type { Assessment, User } from '../db/tables.js';
import { discloseRows, exportOrder } from '../domain/anonymity.js';
import { decodeAnswers } from '../domain/answers.js';
import { itemsCsv, responsesCsv } from '../exports/csv.js';
import { recordAudit } from '../repositories/audit.js';
import { questionnaireOf } from '../http/access.js';
import { loadResults, readScoringData } from './results.js';

export interface CsvExport {
  filename: string;
  csv: string;
}

// The API and the dashboard download exports here, so both give the same file under the same rules.

/** One row per response in the figures, labels generalized and rows in an order that carries nothing. */
export async function exportResponses(deps: AppDeps, user: User, a: Assessment): Promise<CsvExport> {
  const q = questionnaireOf(deps, a).definition;
  const data = await readScoringData(deps, a);
  const rows = data.rows.map((r) => ({ ...r, answers: decodeAnswers(r.answers) }));
  const disclosed = exportOrder(a.id, discloseRows(rows, a.anonymity_threshold, data.closed).rows);
  await recordAudit(deps.db, user, { action: 'export.responses', organizationId: a.organization_id, targetType: 'assessment', targetId: a.id, details: { rows: disclosed.length } }, deps.clock());
  return {
    filename: `mehvar-${a.id}-responses.csv`,
    csv: responsesCsv(q, disclosed.map(({ row, label }) => ({ id: row.id, role: label.role, department: label.department, answers: row.answers }))),
  };
}

export async function exportItems(deps: AppDeps, user: User, a: Assessment): Promise<CsvExport> {
  const { q, results } = await loadResults(deps, a, false);
  await recordAudit(deps.db, user, { action: 'export.items', organizationId: a.organization_id, targetType: 'assessment', targetId: a.id }, deps.clock());
  return { filename: `mehvar-${a.id}-items.csv`, csv: itemsCsv(q, results) };
}
