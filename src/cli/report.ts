import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AppDeps } from '../deps.js';
import type { Assessment } from '../domain/records.js';
import type { ReportLang } from '../services/reports.js';
import { defineCommand, type OptionValues, runCommand, UsageError } from './args.js';

const spec = defineCommand({
  name: 'report',
  invocation: 'npm run report --',
  usage: ['--assessment <id> [--lang fa|en] --out <file.pdf>', '--organization <id> --out-dir <dir> [--lang fa|en]'],
  summary: `Writes the PDF maturity report of one assessment, or of every assessment of an organization (with a
progress bar on stderr), from the database in DATABASE_URL.`,
  options: {
    assessment: { type: 'string', placeholder: '<id>', description: 'the assessment to report on (needs --out)' },
    organization: { type: 'string', placeholder: '<id>', description: 'report on every assessment of this organization (needs --out-dir)' },
    lang: { type: 'string', choices: ['fa', 'en'], description: 'the language; default fa for one assessment, both for an organization' },
    out: { type: 'string', placeholder: '<file.pdf>', description: 'where to write the report of --assessment' },
    'out-dir': { type: 'string', placeholder: '<dir>', description: 'where to write the reports of --organization' },
  },
});

interface Job {
  assessment: Assessment;
  lang: ReportLang;
  file: string;
}

async function main(values: OptionValues<typeof spec.options>): Promise<void> {
  if (Boolean(values.assessment) === Boolean(values.organization)) throw new UsageError('give either --assessment or --organization');
  if (values.assessment && !values.out) throw new UsageError('--assessment needs --out <file.pdf>');
  if (values.organization && !values['out-dir']) throw new UsageError('--organization needs --out-dir <dir>');

  // Loaded only now: --help and usage errors never load configuration or open a database.
  const { boot } = await import('../boot.js');
  const { loadConfig } = await import('../config.js');
  const { assessmentsToReport, reportFileName } = await import('../services/reports.js');

  const { deps, createdAdminToken } = await boot(loadConfig(process.env));
  // A fresh database gets an admin whose token exists only now: say it, or nobody could ever use it.
  if (createdAdminToken) console.error(`Admin token (shown once; it is stored only as a hash): ${createdAdminToken}`);
  try {
    const langs: ReportLang[] = values.lang ? [values.lang as ReportLang] : values.assessment ? ['fa'] : ['fa', 'en'];
    // The operator at the console sees every assessment; unknown ids end the command with their message.
    const assessments = await assessmentsToReport(deps, { assessmentId: values.assessment, organizationId: values.organization });
    let jobs: Job[];
    if (values.assessment) jobs = [{ assessment: assessments[0], lang: langs[0], file: path.resolve(values.out!) }];
    else {
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
  const { drawAssessmentReport, loadReportData } = await import('../services/reports.js');
  const progress = new Progress(jobs.length);
  let data: Awaited<ReturnType<typeof loadReportData>> | undefined;
  for (const [i, job] of jobs.entries()) {
    progress.update(i, `${job.assessment.title} (${job.lang})`);
    if (data?.assessment.id !== job.assessment.id) data = await loadReportData(deps, job.assessment);
    const pdf = await drawAssessmentReport(data, job.lang, deps.clock());
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

await runCommand(spec, main);
