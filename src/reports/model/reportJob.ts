import type { BenchmarkResult } from '../../domain/peerStanding.js';
import type { ReportLang } from '../text/index.js';
import { buildReportModel } from './buildReportModel.js';
import { reportDataFrom, reportInput, type ReportSource } from './reportData.js';
import type { ReportModel } from './types.js';

/**
 * Everything an assessment report needs, as plain data that can cross to a report thread: the responses
 * are scored and the model built there, not on the event loop (a few milliseconds per 1,000 respondents
 * warm, tens of milliseconds for the first report of a process).
 */
export interface AssessmentReportJob {
  source: ReportSource;
  lang: ReportLang;
  generatedAt: Date;
  benchmark: BenchmarkResult | null;
}

export function reportModelOf(job: AssessmentReportJob): ReportModel {
  return buildReportModel({ ...reportInput(reportDataFrom(job.source), job.lang, job.generatedAt), benchmark: job.benchmark }, job.lang);
}
