import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaires } from '../../src/questionnaire/registry.js';
import { reportModelOf } from '../../src/reports/model/reportJob.js';
import { renderReportPdf } from '../../src/reports/pdf/renderReport.js';
import { warmupReportJob } from '../../src/services/reportWarmup.js';

// The made-up report the report threads draw at start-up. Its failures are ignored there (the first real
// report would just start cold), so this is where a broken one shows: it must draw, and draw the parts of a
// real report that are slow the first time (figures, breakdowns by department, charts, comments).

const QUESTIONNAIRES = path.join(import.meta.dirname, '../../questionnaires');

describe('warm-up report', () => {
  for (const lang of ['fa', 'en'] as const)
    it(`draws a full report in ${lang}: figures, departments and comments, not the "too few responses" page`, async () => {
      const job = warmupReportJob(loadQuestionnaires(QUESTIONNAIRES), lang, new Date('2026-12-02T10:00:00Z'))!;
      const model = reportModelOf(job);
      const results = job.source;
      expect(results.scoring.rows.length).toBeGreaterThanOrEqual(results.assessment.anonymity_threshold * 4);
      const json = JSON.stringify(model);
      for (const department of ['فروش', 'خدمات', 'تولید', 'مالی']) expect(json).toContain(department);
      expect(json).toContain('پاسخ‌گویی به شکایت مشتریان');
      const pdf = await renderReportPdf(model);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // Images are the charts: a report withheld below k has none.
      expect(pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0).toBeGreaterThan(3);
    }, 60_000);

  it('is the same report on every start (a fixed sequence, not random answers)', () => {
    const q = loadQuestionnaires(QUESTIONNAIRES);
    const at = new Date('2026-12-02T10:00:00Z');
    expect(warmupReportJob(q, 'fa', at)).toEqual(warmupReportJob(q, 'fa', at));
  });
});
