import os from 'node:os';
import { move } from 'piscina';
import { type AssessmentReportJob, reportModelOf } from '../model/reportJob.js';
import { renderReportPdf } from '../pdf/renderReport.js';
import { renderReportDocx } from '../docx/renderDocx.js';

// Drawing a report is batch work; answering a respondent is not. On Linux the nice value belongs to the
// thread, so this lowers only this report thread. With a core to itself it runs at full speed; when the
// machine is oversubscribed, the event loop gets the CPU first. Measured with `npm run bench submit`
// (8 reports of 1,000 respondents drawn during submit load): submit p99 67 ms at nice 0, 49-51 at 10,
// 41-48 at 19.
try {
  os.setPriority(19);
} catch {
  /* not permitted on this system: reports then simply share the CPU evenly */
}

/**
 * Piscina task: scores the assessment's data, builds the model and draws the report, all off the event
 * loop; the PDF's memory is handed to the caller, not copied.
 */
export default async function renderTask(job: AssessmentReportJob): Promise<Uint8Array> {
  const pdf = await renderReportPdf(reportModelOf(job));
  const owned = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : Buffer.from(pdf);
  return move(new Uint8Array(owned.buffer, 0, owned.byteLength)) as Uint8Array;
}

/** Piscina task `renderDocxTask`: the same report as an editable Word document, also off the event loop. */
export async function renderDocxTask(job: AssessmentReportJob): Promise<Uint8Array> {
  const docx = await renderReportDocx(reportModelOf(job));
  return move(new Uint8Array(docx.buffer, docx.byteOffset, docx.byteLength)) as Uint8Array;
}
