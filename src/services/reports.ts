import { createHash } from 'node:crypto';
import { listReleasedComments } from '../repositories/comments.js';
import type { AppDeps } from '../deps.js';
import { NotFound, Unavailable } from '../domain/errors.js';
import type { Assessment, User } from '../domain/records.js';
import { ReportCache, reportCacheKey } from '../reports/cache.js';
import { REPORT_TIME_ZONE } from '../reports/model/format.js';
import {
  type AssessmentReportJob,
  buildReportModel,
  type ReportData,
  reportDataFrom,
  reportFileName,
  reportInput,
  type ReportModel,
  reportModelOf,
  type ReportSource,
} from '../reports/model/index.js';
import { formatDate, type ReportLang } from '../reports/text/format.js';
import { closeReportPool, renderJobInWorker, reportQueue, reportQueueStats, reportThreadsWarming, warmReportPool } from '../reports/worker/pool.js';
import { renderDocxJobInWorker } from '../reports/worker/pool.js';
import type { RenderQueue } from '../reports/worker/renderQueue.js';
import { findAssessmentById, findNewestAssessment, listAssessments } from '../repositories/assessments.js';
import { recordAudit } from '../repositories/audit.js';
import { countInvitations } from '../repositories/invitations.js';
import { findOrganizationById, readOrganizationProfile } from '../repositories/organizations.js';
import { responseCounters } from '../repositories/responses.js';
import { assessmentFor } from './assessments.js';
import { loadBenchmark } from './benchmark.js';
import { questionnaireOf } from './questionnaires.js';
import { reportBrandingFor } from './branding.js';
import { brandingFingerprint } from '../domain/branding.js';
import { readScoringData, takeSnapshot } from './results.js';
import { customerReportData, customerReportVersion } from './customerView.js';
import { actionsFingerprint, reportActionsFor } from './actions.js';

// The assessment report's use cases: src/reports/ models and draws, this gathers the data it draws and
// decides who may have which report. The API, the dashboard and the CLI all come here; the comparison
// report's are in trendReport.ts.

export { closeReportPool, reportQueueStats, reportThreadsWarming, type ReportLang };

export interface ReportServiceOptions {
  cache?: ReportCache;
  /** Draws a model on the caller's thread instead of scoring, modelling and drawing on the worker pool. */
  render?: (model: ReportModel, signal: AbortSignal) => Promise<Buffer>;
  /** The queue in front of the report threads; by default the process's one (see reports/worker/pool.ts). */
  queue?: RenderQueue;
}

/**
 * The assessment report, shared by the API and the dashboard so both use one cache and one queue: the same
 * report for unchanged data is drawn once (the key is a fingerprint of everything the report shows, read
 * each time), and a report is refused at once when the queue holds more than REPORT_MAX_WAIT_MS of work.
 */
export function createReportService(deps: AppDeps, opts: ReportServiceOptions = {}) {
  const cache = opts.cache ?? new ReportCache();
  const queue = opts.queue ?? reportQueue();
  const draw = (job: AssessmentReportJob, signal: AbortSignal) => (opts.render ? opts.render(reportModelOf(job), signal) : renderJobInWorker(job, signal));
  return {
    /**
     * The benchmark section depends on which organizations the reader may see, so its figures are part
     * of the cache key: two readers with the same view share one PDF, a different view gets its own.
     * `signal` is the request's: once every request waiting for a report has gone, the report is not made.
     */
    async assessmentReport(assessment: Assessment, lang: ReportLang, reader?: User, signal?: AbortSignal): Promise<Buffer> {
      const now = deps.clock();
      // The snapshot first, so the cache key below names the figures this report will show.
      await takeSnapshot(deps, assessment);
      const benchmark = reader ? await loadBenchmark(deps, reader, assessment) : null;
      const view = benchmark?.available ? JSON.stringify([benchmark.peerOrganizations, benchmark.overall, benchmark.dimensions]) : 'no-benchmark';
      const key = reportCacheKey(assessment.id, lang, `${await reportDataVersion(deps, assessment, now)}|${view}`);
      // The responses are read when the job's turn comes, so waiting jobs hold no data; scoring, the model
      // and the drawing happen on the report thread.
      const make = (stop: AbortSignal) => queue.run(async (running) => draw({ source: await loadReportSource(deps, assessment), lang, generatedAt: now, benchmark }, running), stop);
      return cache.getOrCreate(key, make, signal);
    },
    /**
     * The same report as an editable Word document, from the same model, in the same cache (under its own
     * key) and behind the same queue, drawn on the report threads like the PDF.
     */
    async assessmentDocx(assessment: Assessment, lang: ReportLang, reader?: User, signal?: AbortSignal): Promise<Buffer> {
      const now = deps.clock();
      await takeSnapshot(deps, assessment);
      const benchmark = reader ? await loadBenchmark(deps, reader, assessment) : null;
      const view = benchmark?.available ? JSON.stringify([benchmark.peerOrganizations, benchmark.overall, benchmark.dimensions]) : 'no-benchmark';
      const key = reportCacheKey(assessment.id, lang, `docx|${await reportDataVersion(deps, assessment, now)}|${view}`);
      const make = (stop: AbortSignal) =>
        queue.run(async (running) => renderDocxJobInWorker({ source: await loadReportSource(deps, assessment), lang, generatedAt: now, benchmark }, running), stop);
      return cache.getOrCreate(key, make, signal);
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;

/** Draws an assessment's report for a reader; the dashboard is handed one (tests hand it their own). */
export type RenderAssessmentReport = (user: User, assessment: Assessment, lang: ReportLang, signal?: AbortSignal) => Promise<Buffer>;

/** The report service as the dashboard's renderer. */
export const rendererOf =
  (service: ReportService): RenderAssessmentReport =>
  (user, assessment, lang, signal) =>
    service.assessmentReport(assessment, lang, user, signal);

/**
 * The report download, for the API and the dashboard alike: the caller must see the assessment, and the
 * download is recorded. `headOnly` (a HEAD request) answers whether it can be had and under which file
 * name, without drawing it or recording a download nobody received.
 */
export async function downloadAssessmentReport(
  deps: AppDeps,
  user: User,
  assessmentId: string,
  lang: ReportLang,
  opts: { render?: RenderAssessmentReport; headOnly?: boolean; signal?: AbortSignal },
): Promise<{ filename: string; pdf: Buffer | null }> {
  const assessment = await assessmentFor(deps, user, assessmentId);
  if (!opts.render) throw new Unavailable('PDF reports are not set up on this server.', undefined, 'noPdf');
  const filename = reportFileName(assessment.id, lang);
  if (opts.headOnly) return { filename, pdf: null };
  const pdf = await opts.render(user, assessment, lang, opts.signal);
  await recordAudit(deps.db, user, { action: 'report.download', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id, details: { lang } }, deps.clock());
  return { filename, pdf };
}

/** The report service as the dashboard's Word report renderer. */
export const docxRendererOf =
  (service: ReportService): RenderAssessmentReport =>
  (user, assessment, lang, signal) =>
    service.assessmentDocx(assessment, lang, user, signal);

/**
 * The editable Word report download, for the API and the dashboard alike, under the same rules as the
 * PDF's: the caller must see the assessment, a HEAD neither builds it nor records it, and it is recorded.
 */
export async function downloadAssessmentDocx(
  deps: AppDeps,
  user: User,
  assessmentId: string,
  lang: ReportLang,
  opts: { render?: RenderAssessmentReport; headOnly?: boolean; signal?: AbortSignal },
): Promise<{ filename: string; docx: Buffer | null }> {
  const assessment = await assessmentFor(deps, user, assessmentId);
  if (!opts.render) throw new Unavailable('Word reports are not set up on this server.', undefined, 'noDocx');
  const filename = reportFileName(assessment.id, lang).replace(/\.pdf$/, '.docx');
  if (opts.headOnly) return { filename, docx: null };
  const docx = await opts.render(user, assessment, lang, opts.signal);
  await recordAudit(deps.db, user, { action: 'report.docx.download', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id, details: { lang } }, deps.clock());
  return { filename, docx };
}

/** What an assessment report is built from, as read from the database: plain data, before any scoring. */
export async function loadReportSource(deps: AppDeps, assessment: Assessment): Promise<ReportSource> {
  const [organization, scoring] = await Promise.all([readOrganizationProfile(deps.db, assessment.organization_id), readScoringData(deps, assessment)]);
  // After the scoring data: reading it takes the snapshot, which releases comments with their responses.
  const comments = await listReleasedComments(deps.db, assessment.id);
  const branding = await reportBrandingFor(deps, assessment.organization_id);
  const actions = await reportActionsFor(deps, assessment, scoring);
  const customers = await customerReportData(deps, assessment, scoring);
  return { assessment, organization, questionnaire: questionnaireOf(deps, assessment).definition, scoring, comments, branding, actions, customers };
}

/** The same, scored. */
export async function loadReportData(deps: AppDeps, assessment: Assessment): Promise<ReportData> {
  return reportDataFrom(await loadReportSource(deps, assessment));
}

/**
 * A fingerprint of everything a report shows: the responses (count and last sequence number), the
 * invitations (response rate), the assessment and organization rows, the questionnaire version's hash,
 * the day in Tehran (the cover is dated) and the branding. Any change gives a new key, so a stale report is never served.
 */
export async function reportDataVersion(deps: AppDeps, a: Assessment, now: Date): Promise<string> {
  const [responses, invitations, org] = await Promise.all([responseCounters(deps.db, a.id), countInvitations(deps.db, a.id), readOrganizationProfile(deps.db, a.organization_id)]);
  const fingerprint = JSON.stringify([
    responses.count,
    responses.lastSeq,
    // The anonymity snapshot (domain/anonymity.ts): which release the figures stand at, and whether it is final.
    responses.lastRelease,
    a.closes_at !== null && Date.parse(a.closes_at) <= now.getTime(),
    invitations,
    [a.title, a.anonymity_threshold, a.target_culture, a.target_process, a.target_interaction, a.closed_at, a.created_at],
    [a.questionnaire_id, a.questionnaire_version, a.questionnaire_hash],
    [org.name_fa, org.name_en, org.sector, org.headcount],
    formatDate(now, 'en', { timeZone: REPORT_TIME_ZONE }),
    // The customer survey's answers and snapshot ("In the customers' eyes").
    await customerReportVersion(deps, a),
    // The firm's name, colour, contact line and logo are on every page.
    brandingFingerprint(await reportBrandingFor(deps, a.organization_id)),
    // The action plans: this round's actions and the last round's, with that round's figures.
    await actionsFingerprint(deps, a),
  ]);
  return createHash('sha256').update(fingerprint).digest('hex').slice(0, 32);
}

/**
 * Once serving, between real reports: the newest assessment's report in Persian, English and Persian, so the
 * threads' next reports are as fast as they get (V8 keeps optimizing over a thread's first several reports,
 * and English has fonts and text of its own). Each round starts only on an idle report queue, a second after
 * the service started listening, so a report asked for meanwhile waits for one round at most; /readyz
 * answers 503 until they are drawn. Nothing on an empty database.
 */
export function warmReportThreads(deps: AppDeps): Promise<void> {
  return warmReportPool(
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const sample = await sampleReportJob(deps);
      return sample ? (['fa', 'en', 'fa'] as const).map((lang) => ({ ...sample, lang })) : [];
    },
    { whenIdle: true },
  );
}

/** The newest assessment's report job; none on an empty database. */
async function sampleReportJob(deps: AppDeps): Promise<AssessmentReportJob | undefined> {
  const assessment = await findNewestAssessment(deps.db);
  if (!assessment) return undefined;
  return { source: await loadReportSource(deps, assessment), lang: 'fa', generatedAt: deps.clock(), benchmark: null };
}

// The operator's report CLIs: every assessment is visible at the console, and nothing is recorded.

/** The assessments to report on: one by id, or every one of an organization; errors name what is missing. */
export async function assessmentsToReport(deps: AppDeps, target: { assessmentId?: string; organizationId?: string }): Promise<Assessment[]> {
  if (target.assessmentId) {
    const assessment = await findAssessmentById(deps.db, target.assessmentId);
    if (!assessment) throw new NotFound('Assessment', `No assessment with id "${target.assessmentId}".`);
    return [assessment];
  }
  const org = await findOrganizationById(deps.db, target.organizationId ?? '');
  if (!org) throw new NotFound('Organization', `No organization with id "${target.organizationId}".`);
  const assessments = await listAssessments(deps.db, org.id);
  if (assessments.length === 0) throw new NotFound('Assessment', `Organization "${org.id}" has no assessments.`);
  return assessments;
}

/** Draws an assessment report from loaded data on this thread (the CLI draws one after another). */
export async function drawAssessmentReport(data: ReportData, lang: ReportLang, generatedAt: Date): Promise<Buffer> {
  // Loaded here: the service draws on its report threads, and starts faster without the drawing code.
  const { renderReportPdf } = await import('../reports/pdf/renderReport.js');
  return renderReportPdf(buildReportModel(reportInput(data, lang, generatedAt), lang));
}

export { reportFileName };
