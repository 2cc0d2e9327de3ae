import fs from 'node:fs';
import path from 'node:path';
import { boot } from '../boot.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { loadTrendReportInput } from '../reports/trend/load.js';
import { buildTrendReportModel } from '../reports/trend/model.js';
import { renderTrendReportPdf } from '../reports/trend/render.js';
import type { ReportLang } from '../reports/text/index.js';
import { parseArgs } from './args.js';

// npm run report:trend -- --organization <id> [--assessments a,b] [--lang fa|en] --out file.pdf
// Acts as the admin (every organization is visible to it), like an operator on the server.

const USAGE = `Usage:
  npm run report:trend -- --organization <id> [--assessments <id>,<id>,...] [--lang fa|en] --out <file.pdf>

  --assessments  the assessments to compare (default: every closed one), oldest first
  --lang         fa (default) or en`;

const KNOWN = new Set(['organization', 'assessments', 'lang', 'out', 'help']);

/** Bad arguments: the message and the usage. */
class UsageError extends Error {}

function options(argv: string[]) {
  let args: Record<string, string | true>;
  try {
    args = parseArgs(argv);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const unknown = Object.keys(args).filter((k) => !KNOWN.has(k));
  if (unknown.length) throw new UsageError(`Unknown option ${unknown.map((k) => `--${k}`).join(', ')}.`);
  if (args.help) return null;
  const text = (name: string) => {
    const v = args[name];
    if (v === true) throw new UsageError(`--${name} needs a value.`);
    return v;
  };
  const organization = text('organization');
  const out = text('out');
  const lang = text('lang') ?? 'fa';
  if (!organization) throw new UsageError('Give --organization <id>.');
  if (!out) throw new UsageError('Give --out <file.pdf>.');
  if (lang !== 'fa' && lang !== 'en') throw new UsageError(`--lang must be fa or en, not "${lang}".`);
  const ids = text('assessments')?.split(',').map((s) => s.trim()).filter(Boolean);
  return { organization, out: path.resolve(out), lang: lang as ReportLang, assessments: ids?.length ? ids : undefined };
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  if (!opts) {
    console.log(USAGE);
    return;
  }
  const { deps, createdAdminToken } = await boot(loadConfig(process.env));
  // A fresh database gets an admin whose token exists only now: say it, or nobody could ever use it.
  if (createdAdminToken) console.error(`Admin token (shown once; it is stored only as a hash): ${createdAdminToken}`);
  try {
    const admin = await deps.db.selectFrom('users').selectAll().where('role', '=', 'admin').orderBy('created_at').orderBy('id').executeTakeFirst();
    if (!admin) throw new Error('There is no admin user in this database.');
    const input = await loadTrendReportInput(deps, admin, opts.organization, opts.assessments, opts.lang, deps.clock());
    const pdf = await renderTrendReportPdf(buildTrendReportModel(input, opts.lang));
    fs.mkdirSync(path.dirname(opts.out), { recursive: true });
    fs.writeFileSync(opts.out, pdf);
    console.error(`wrote ${opts.out} (${input.trend.assessments.length} assessments, ${opts.lang})`);
  } finally {
    await deps.db.destroy();
  }
}

try {
  await main();
} catch (err) {
  if (err instanceof UsageError) {
    console.error(`report:trend: ${err.message}\n${USAGE}`);
    process.exit(2);
  }
  // 404 and 422 from loadTrend carry a sentence meant for people.
  console.error(`report:trend: ${err instanceof AppError ? err.detail : (err as Error).message}`);
  process.exit(1);
}
