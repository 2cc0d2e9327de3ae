import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENTS, demoAnswers, seededRandom } from '../../src/cli/demoData.js';
import { encodeAnswers } from '../../src/domain/answers.js';
import { scoreRows } from '../../src/domain/assessmentScoring.js';
import { presentResults } from '../../src/domain/presentResults.js';
import { toAnswerVector } from '../../src/domain/answerMaps.js';
import { loadQuestionnaires } from '../../src/questionnaire/registry.js';
import { buildReportModel, type ReportModel, type ReportSection } from '../../src/reports/model/index.js';

// Issue 16: "not applicable" is an answer of mehvar-core v2 only. A report on a v1 assessment, whose
// respondents never saw it, does not tell its reader about it; a v2 report does.

const registry = loadQuestionnaires(path.join(import.meta.dirname, '../../questionnaires'));

function model(version: 1 | 2, lang: 'fa' | 'en'): ReportModel {
  const q = registry.get('mehvar-core', version)!.definition;
  const random = seededRandom(7);
  const rows = Array.from({ length: 12 }, (_, i) => {
    const department = DEMO_DEPARTMENTS[i % 2];
    return { id: `r-${i}`, role: 'staff' as const, department, release: 1, answers: encodeAnswers(toAnswerVector(q, demoAnswers(q, { role: 'staff', department }, random))) };
  });
  const results = scoreRows({ items: q.items, data: { rows, invited: 12, headcount: 20, closed: true }, k: 5, targets: {}, excludeFlagged: false });
  const ref = { id: 'a', questionnaire: { id: q.id, version: q.version }, targets: {}, anonymityThreshold: 5 };
  return buildReportModel(
    {
      organization: { name: { fa: 'شرکت نمونه پارس', en: 'Pars Sample Co.' }, sector: null, headcount: 20 },
      assessment: { id: 'a', title: 'ارزیابی', createdAt: '2026-01-01T08:00:00Z', closedAt: '2026-01-20T08:00:00Z', anonymityThreshold: 5, targets: {} },
      results: presentResults(ref, q, results, lang, false),
      questionnaire: q,
      generatedAt: new Date('2026-01-21T10:00:00Z'),
    },
    lang,
  );
}

function section<K extends ReportSection['kind']>(m: ReportModel, kind: K): Extract<ReportSection, { kind: K }> {
  return m.sections.find((x) => x.kind === kind) as Extract<ReportSection, { kind: K }>;
}

/** What the reader reads about answers: the distributions' intro and the methodology appendix. */
const explained = (m: ReportModel) => [section(m, 'distributions').intro, ...section(m, 'methodology').blocks.flatMap((b) => b.paragraphs)].join(' ');

describe('"not applicable" in the report', () => {
  it('is not mentioned in a report on a v1 assessment', () => {
    expect(explained(model(1, 'en'))).not.toMatch(/not applicable/i);
    expect(explained(model(1, 'fa'))).not.toContain('مربوط نیست');
    // "Don't know" still is.
    expect(section(model(1, 'en'), 'distributions').intro).toContain('Don’t know');
  });

  it('is explained in a report on a v2 assessment', () => {
    expect(section(model(2, 'en'), 'distributions').intro).toContain('“Not applicable” are shown apart');
    expect(section(model(2, 'fa'), 'distributions').intro).toContain('«مربوط نیست»');
    expect(explained(model(2, 'en'))).toContain('items they marked “Not applicable” are left out of that count');
  });
});
