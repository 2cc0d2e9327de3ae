import type { AppDeps } from '../deps.js';
import { discloseRows, exportOrder } from '../domain/anonymity.js';
import { decodeAnswers } from '../domain/answers.js';
import type { User } from '../domain/records.js';
import { itemsCsv, responsesCsv } from '../exports/csv.js';
import { presentResults } from '../domain/presentResults.js';
import { assessmentRef } from '../domain/assessmentScoring.js';
import { REPORT_TIME_ZONE } from '../reports/model/format.js';
import { formatDate } from '../reports/text/format.js';
import { recordAudit } from '../repositories/audit.js';
import { assessmentFor } from './assessments.js';
import { questionnaireOf } from './questionnaires.js';
import { loadResults, readScoringData, resultsFor } from './results.js';
import { actionRowsFor } from './actions.js';

export interface CsvExport {
  filename: string;
  csv: string;
}

// The API and the dashboard download exports here, so both give the same file under the same rules.

/** Whether the caller may download an assessment's exports: a HEAD answers this without exporting or auditing. */
export async function checkExportAccess(deps: AppDeps, user: User, assessmentId: string): Promise<void> {
  await assessmentFor(deps, user, assessmentId);
}

/** One row per response in the figures, labels generalized and rows in an order that carries nothing. */
export async function exportResponses(deps: AppDeps, user: User, assessmentId: string): Promise<CsvExport> {
  const a = await assessmentFor(deps, user, assessmentId);
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

/** Item scores and answer distributions of the figures. */
export async function exportItems(deps: AppDeps, user: User, assessmentId: string): Promise<CsvExport> {
  const a = await assessmentFor(deps, user, assessmentId);
  const { q, results } = await loadResults(deps, a, false);
  await recordAudit(deps.db, user, { action: 'export.items', organizationId: a.organization_id, targetType: 'assessment', targetId: a.id }, deps.clock());
  return { filename: `mehvar-${a.id}-items.csv`, csv: itemsCsv(q, results) };
}

export interface WorkbookExport {
  filename: string;
  xlsx: Buffer;
}

/**
 * The results workbook (XLSX) in one language: the same figures as the results and the PDF, on the same
 * anonymity snapshot; below k responses in the figures it holds the counts and says why there is nothing else.
 */
export async function exportWorkbook(deps: AppDeps, user: User, assessmentId: string, lang: 'fa' | 'en'): Promise<WorkbookExport> {
  const { assessment: a, org, q, results } = await resultsFor(deps, user, assessmentId, false);
  const r = presentResults(assessmentRef(a), q, results, lang, false);
  // The assessment's action plan (issue 19), due dates in the workbook's calendar.
  const actions = (await actionRowsFor(deps, user, a.organization_id, lang, a.id)).map((x) => ({
    title: x.title, target: x.target, owner: x.owner, due: formatDate(new Date(`${x.dueDate}T12:00:00Z`), lang, { timeZone: REPORT_TIME_ZONE }), status: x.status, overdue: x.overdue,
  }));
  // exceljs is loaded on the first workbook, not at start-up: importing it took 139 ms of every start.
  const { resultsWorkbook } = await import('../exports/xlsxWorkbook.js');
  const xlsx = await resultsWorkbook({
    lang,
    q,
    r,
    organization: lang === 'en' ? (org.name_en ?? org.name_fa) : org.name_fa,
    assessment: { title: a.title },
    generatedOn: formatDate(deps.clock(), lang, { timeZone: REPORT_TIME_ZONE }),
    day: new Date(deps.clock().toISOString().slice(0, 10)),
    actions,
  });
  await recordAudit(deps.db, user, { action: 'export.xlsx', organizationId: a.organization_id, targetType: 'assessment', targetId: a.id, details: { lang } }, deps.clock());
  return { filename: `mehvar-${a.id}-results-${lang}.xlsx`, xlsx };
}
