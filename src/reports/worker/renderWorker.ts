import { move } from 'piscina';
import type { ReportModel } from '../model/types.js';
import { renderReportPdf } from '../pdf/renderReport.js';

/** Piscina task: draws one report; the PDF's memory is handed to the caller, not copied. */
export default async function renderTask(model: ReportModel): Promise<Uint8Array> {
  const pdf = await renderReportPdf(model);
  const owned = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : Buffer.from(pdf);
  return move(new Uint8Array(owned.buffer, 0, owned.byteLength)) as Uint8Array;
}
