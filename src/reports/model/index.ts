export { buildReportModel, reportFileName, type ReportInput } from './buildReportModel.js';
export { loadReportData, reportInput, type ReportData } from './loadReportInput.js';
export type * from './types.js';
