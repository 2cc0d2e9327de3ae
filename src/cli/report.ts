import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { boot } from '../boot.js';
import { loadConfig } from '../config.js';
import type { Assessment } from '../db/tables.js';
import type { AppDeps } from '../deps.js';
import { listAssessments } from '../repositories/assessments.js';
import { buildReportModel, loadReportData, reportFileName, reportInput, type ReportData } from '../reports/model/index.js';
import { renderReportPdf } from '../reports/pdf/renderReport.js';
import type { ReportLang } from '../reports/text/index.js';

// npm run report -- --assessment <id> [--lang fa|en] --out report.pdf
// npm run report -- --organization <id> --out-dir reports/ [--lang fa|en]   (both languages by default)

const USAGE = `Usage:
  npm run report -- --assessment <id> [--lang fa|en] --out <file.pdf>
  npm run report -- --organization <id> --out-dir <dir> [--lang fa|en]`;

/** Bad arguments: the message and the usage. */
class UsageError extends Error {}
/** An id that names nothing: the message alone. */
class NotFound extends Error {}

interface Job {
  assessment: Assessment;
  lang: ReportLang;
  file: string;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      assessment: { type: 'string' },
      organization: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
      'out-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.lang !== undefined && values.lang !== 'fa' && values.lang !== 'en')
    throw new UsageError(`--lang must be fa or en, not "${values.lang}".`);
  if (Boolean(values.assessment) === Boolean(values.organization))
    throw new UsageError('Give either --assessment or --organization.');
  if (values.assessment && !values.out) throw new UsageError('--assessment needs --out <file.pdf>.');
  if (values.organization && !values['out-dir']) throw new UsageError('--organization needs --out-dir <dir>.');

  const { deps, createdAdminToken } = await boot(loadConfig(process.env));
  // A fresh database gets an admin whose token exists only now: say it, or nobody could ever use it.
  if (createdAdminToken) console.error(`Admin token (shown once; it is stored only as a hash): ${createdAdminToken}`);
  try {
    const langs: ReportLang[] = values.lang ? [values.lang as ReportLang] : values.assessment ? ['fa'] : ['fa', 'en'];
    let jobs: Job[];
    if (values.assessment) {
      const assessment = await deps.db.selectFrom('assessments').selectAll().where('id', '=', values.assessment).executeTakeFirst();
      if (!assessment) throw new NotFound(`No assessment with id "${values.assessment}".`);
      jobs = [{ assessment, lang: langs[0], file: path.resolve(values.out!) }];
    } else {
      const org = await deps.db.selectFrom('organizations').select('id').where('id', '=', values.organization!).executeTakeFirst();
      if (!org) throw new NotFound(`No organization with id "${values.organization}".`);
      const assessments = await listAssessments(deps.db, org.id);
      if (assessments.length === 0) throw new NotFound(`Organization "${org.id}" has no assessments.`);
      const dir = path.resolve(values['out-dir']!);
      jobs = assessments.flatMap((assessment) =>
        langs.map((lang) => ({ assessment, lang, file: path.join(dir, reportFileName(assessment.id, lang)) })),
      );
    }
    await run(deps, jobs);
  } finally {
    await deps.db.destroy();
  }
}

async function run(deps: AppDeps, jobs: Job[]): Promise<void> {
  const progress = new Progress(jobs.length);
  let data: ReportData | undefined;
  for (const [i, job] of jobs.entries()) {
    progress.update(i, `${job.assessment.title} (${job.lang})`);
    if (data?.assessment.id !== job.assessment.id) data = await loadReportData(deps, job.assessment);
    const pdf = await renderReportPdf(buildReportModel(reportInput(data, job.lang, deps.clock()), job.lang));
    fs.mkdirSync(path.dirname(job.file), { recursive: true });
    fs.writeFileSync(job.file, pdf);
    // node-canvas frees chart memory only when the event loop turns.
    await nextTurn();
  }
  progress.done(jobs.map((j) => j.file));
}

/** A progress bar on stderr when it is a terminal, one line per report otherwise. */
class Progress {
  private readonly tty = process.stderr.isTTY === true;

  constructor(private readonly total: number) {}

  /** Before report `index` (from 0) starts. */
  update(index: number, label: string): void {
    const width = 24;
    const filled = Math.round((index / this.total) * width);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${index}/${this.total} done, now: ${label}`;
    if (this.tty) process.stderr.write(`\r\x1b[2K${line}`);
    else process.stderr.write(`${line}\n`);
  }

  done(files: string[]): void {
    if (this.tty) process.stderr.write(`\r\x1b[2K[${'#'.repeat(24)}] ${this.total}/${this.total}\n`);
    for (const f of files) process.stderr.write(`wrote ${f}\n`);
  }
}

try {
  await main();
} catch (err) {
  if (err instanceof UsageError) {
    console.error(`report: ${err.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(`report: ${(err as Error).message}`);
  process.exit(1);
}
