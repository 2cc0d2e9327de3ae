import { encodeAnswers } from '../domain/answers.js';
import type { CommentRow } from '../domain/presentComments.js';
import type { QuestionnaireRegistry } from '../questionnaire/registry.js';
import type { AssessmentReportJob } from '../reports/model/reportJob.js';
import type { ReportLang } from '../reports/text/index.js';
import { warmReportPool } from '../reports/worker/pool.js';

// A report thread's first report is slow whatever it shows: V8 compiles and optimizes the text shaping,
// PDF and chart code, and the fonts and Chart.js are set up (about a second on a quiet 2-core machine,
// nearly the same for 40 respondents as for 1,000). Drawing a made-up report pays that before anyone asks,
// even on an empty database and before the database is open. Nothing of it is stored or shown.

const RESPONDENTS = 40;
const DEPARTMENTS = ['فروش', 'خدمات', 'تولید', 'مالی'];
const SECTION_COMMENT = 'پاسخ‌گویی به شکایت مشتریان کند است و واحدها با هم هماهنگ نیستند.';

/**
 * A closed assessment of a staff questionnaire (the last loaded) with 40 made-up respondents in four departments,
 * so every section of the report is drawn (figures, breakdowns, distributions, comments); none when no
 * staff questionnaire is loaded.
 */
export function warmupReportJob(questionnaires: QuestionnaireRegistry, lang: ReportLang, now: Date): AssessmentReportJob | undefined {
  const loaded = questionnaires.list().at(-1);
  if (!loaded) return undefined;
  const q = loaded.definition;
  const at = now.toISOString();
  // A fixed sequence (not Math.random): every start draws the same report.
  let seed = 12345;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows = Array.from({ length: RESPONDENTS }, (_, i) => ({
    id: `warmup-${i}`,
    role: (i % 5 === 0 ? 'manager' : 'staff') as 'manager' | 'staff',
    department: DEPARTMENTS[i % DEPARTMENTS.length],
    answers: encodeAnswers(q.items.map(() => 1 + Math.floor(next() * 5))),
    release: 1,
  }));
  const comments: CommentRow[] = q.sections.slice(0, 3).map((s, i) => ({ id: `warmup-c${i}`, section: s.id, text: SECTION_COMMENT, role: null, department: null }));
  return {
    lang,
    generatedAt: now,
    benchmark: null,
    source: {
      assessment: {
        id: 'warmup', organization_id: 'warmup', title: 'warm-up', questionnaire_id: q.id, questionnaire_version: q.version, questionnaire_hash: loaded.hash,
        anonymity_threshold: 5, target_culture: 70, target_process: 70, target_interaction: 70, closes_at: null, closed_at: at, created_by: 'warmup', created_at: at,
      },
      organization: { name_fa: 'سازمان نمونه', name_en: 'Sample organization', sector: null, headcount: 100 },
      questionnaire: q,
      scoring: { rows, invited: RESPONDENTS, headcount: 100, closed: true },
      comments,
      customers: null,
      actions: null,
    },
  };
}

/** Longest a start waits for the threads' first report before it goes on without (a thread that never comes up). */
const PRIME_WAIT_MAX_MS = 5_000;

/**
 * Starts the report threads and has each draw the made-up report in Persian: a thread's slow first report,
 * paid before the database is even open. Resolves when it is drawn, or after 5 s at most (the drawing goes on,
 * and /readyz says when it is done). Measured with `npm run bench reports-http`
 * and `startup` (2026-12-02, this 2-core machine): one Persian round before listening puts the report asked
 * for the moment the service answers at 0.6-0.8 s and start-up at 2.7 s; a second, English round takes
 * start-up to 4.0 s for 0.1 s less, a third to 4.2 s for nothing more. So one round, in the reports' main language.
 */
export function primeReportThreads(questionnaires: QuestionnaireRegistry, now: Date): Promise<void> {
  const drawn = warmReportPool(async () => [warmupReportJob(questionnaires, 'fa', now)].flatMap((job) => job ?? []));
  return Promise.race([drawn, new Promise<void>((resolve) => setTimeout(resolve, PRIME_WAIT_MAX_MS).unref())]);
}
