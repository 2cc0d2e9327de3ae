import type { AppDeps } from '../deps.js';
import type { User } from '../domain/records.js';
import { presentTrend } from '../domain/presentTrend.js';
import type { ReportLang } from '../reports/text/index.js';
import { buildTrendReportModel, type TrendReportInput, trendReportFileName } from '../reports/trend/model.js';
import { INITIAL_ESTIMATE_MS, REPORT_MAX_WAIT_MS } from '../reports/worker/pool.js';
import { RenderQueue } from '../reports/worker/renderQueue.js';
import { recordAudit } from '../repositories/audit.js';
import { loadTrend } from './trend.js';
import { reportBrandingFor } from './branding.js';

// The drawing code (PDFKit, fonts, Chart.js) is loaded with the first comparison report, not at start-up.
const trendRenderer = async () => (await import('../reports/trend/render.js')).renderTrendReportPdf;

export { RenderQueue };

// The comparison over time. The report threads draw assessment reports only, so it is drawn on the event
// loop (renderTrendReportPdf yields between its pages and charts), one at a time behind a queue bounded
// like the threads' one, so that many of them interleaved never crowd out the other requests.

/** The queue in front of the comparison reports: one at a time, refused at once beyond REPORT_MAX_WAIT_MS. */
export function trendReportQueue(): RenderQueue {
  return new RenderQueue({ concurrency: 1, maxWaitMs: REPORT_MAX_WAIT_MS, initialEstimateMs: INITIAL_ESTIMATE_MS });
}

/** What the comparison report is built from: the trend of the assessments named (or every closed one). */
export async function loadTrendReportInput(deps: AppDeps, user: User, orgId: string, assessmentIds: string[] | undefined, lang: ReportLang, generatedAt: Date): Promise<TrendReportInput> {
  const t = await loadTrend(deps, user, orgId, assessmentIds);
  const q = t.definitions.at(-1);
  return {
    organization: { name: { fa: t.org.name_fa, en: t.org.name_en } },
    trend: presentTrend({ orgId: t.org.id, points: t.points, items: t.items, q, compatibility: t.compatibility, trend: t.trend }, lang),
    questionnaire: q ? { title: q.title } : null,
    generatedAt,
    branding: await reportBrandingFor(deps, t.org.id),
  };
}

/**
 * The comparison report download (404 for an organization or assessment the caller may not see, 422 for
 * questionnaire versions too different to compare), recorded with the assessments it compares.
 * `headOnly` answers with the file name only, drawing and recording nothing.
 */
export async function downloadTrendReport(
  deps: AppDeps,
  user: User,
  orgId: string,
  assessmentIds: string[] | undefined,
  lang: ReportLang,
  opts: { queue: RenderQueue; headOnly?: boolean; signal?: AbortSignal },
): Promise<{ filename: string; pdf: Buffer | null }> {
  const now = deps.clock();
  const input = await loadTrendReportInput(deps, user, orgId, assessmentIds, lang, now);
  const organizationId = input.trend.organizationId;
  const filename = trendReportFileName(organizationId, lang);
  if (opts.headOnly) return { filename, pdf: null };
  // A waiting report leaves the queue when its client goes away; one being drawn is finished.
  const pdf = await opts.queue.run(async () => (await trendRenderer())(buildTrendReportModel(input, lang)), opts.signal);
  await recordAudit(
    deps.db,
    user,
    { action: 'report.trend.download', organizationId, targetType: 'organization', targetId: organizationId, details: { lang, assessments: input.trend.assessments.map((a) => a.id) } },
    now,
  );
  return { filename, pdf };
}

// The operator's CLI draws it as the admin (services/users.ts operatorAdmin), recording nothing.

/** The comparison report drawn on this thread, for the operator (as the admin, see services/users.ts). */
export async function drawTrendReport(deps: AppDeps, user: User, orgId: string, assessmentIds: string[] | undefined, lang: ReportLang): Promise<{ pdf: Buffer; assessments: number }> {
  const input = await loadTrendReportInput(deps, user, orgId, assessmentIds, lang, deps.clock());
  return { pdf: await (await trendRenderer())(buildTrendReportModel(input, lang)), assessments: input.trend.assessments.length };
}
