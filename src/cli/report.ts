import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Assessment } from '../db/tables.js';
import type { AppDeps } from '../deps.js';
import type { ReportData } from '../reports/model/index.js';
import type { ReportLang } from '../reports/text/index.js';
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
  const { listAssessments } = await import('../repositories/assessments.js');
  const { reportFileName } = await import('../reports/model/index.js');

  const { deps, createdAdminToken } = await boot(loadConfig(process.env));
  // A fresh database gets an admin whose token exists only now: say it, or nobody could ever use it.
  if (createdAdminToken) console.error(`Admin token (shown once; it is stored only as a hash): ${createdAdminToken}`);
  try {
    const langs: ReportLang[] = values.lang ? [values.lang as ReportLang] : values.assessment ? ['fa'] : ['fa', 'en'];
    let jobs: Job[];
    if (values.assessment) {
      const assessment = await deps.db.selectFrom('assessments').selectAll().where('id', '=', values.assessment).executeTakeFirst();
      if (!assessment) throw new Error(`No assessment with id "${values.assessment}".`);
      jobs = [{ assessment, lang: langs[0], file: path.resolve(values.out!) }];
    } else {
      const org = await deps.db.selectFrom('organizations').select('id').where('id', '=', values.organization!).executeTakeFirst();
      if (!org) throw new Error(`No organization with id "${values.organization}".`);
      const assessments = await listAssessments(deps.db, org.id);
      if (assessments.length === 0) throw new Error(`Organization "${org.id}" has no assessments.`);
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
  const { buildReportModel, loadReportData, reportInput } = await import('../reports/model/index.js');
  const { renderReportPdf } = await import('../reports/pdf/renderReport.js');
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

await runCommand(spec, main);
