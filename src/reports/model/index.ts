export { buildReportModel, reportFileName, type ReportInput } from './buildReportModel.js';
export { reportDataFrom, reportInput, type ReportData, type ReportSource } from './reportData.js';
export { reportModelOf, type AssessmentReportJob } from './reportJob.js';
export type * from './types.js';
