import fs from 'node:fs';
import path from 'node:path';
import type { ReportLang } from '../reports/text/index.js';
import { defineCommand, type OptionValues, runCommand } from './args.js';

// Acts as the admin (every organization is visible to it), like an operator on the server.
const spec = defineCommand({
  name: 'report:trend',
  invocation: 'npm run report:trend --',
  usage: ['--organization <id> [--assessments <id>,<id>,...] [--lang fa|en] --out <file.pdf>'],
  summary: `Writes the PDF comparison over time of an organization's assessments, from the database in
DATABASE_URL, as the admin.`,
  options: {
    organization: { type: 'string', placeholder: '<id>', required: true, description: 'the organization' },
    assessments: { type: 'string', placeholder: '<id>,<id>,...', description: 'the assessments to compare (default: every closed one), oldest first' },
    lang: { type: 'string', choices: ['fa', 'en'], description: 'fa (default) or en' },
    out: { type: 'string', placeholder: '<file.pdf>', required: true, description: 'where to write the report' },
  },
});

async function main(values: OptionValues<typeof spec.options>): Promise<void> {
  const out = path.resolve(values.out);
  const lang = (values.lang ?? 'fa') as ReportLang;
  const ids = values.assessments?.split(',').map((s) => s.trim()).filter(Boolean);

  // Loaded only now: --help and usage errors never load configuration or open a database.
  const { boot } = await import('../boot.js');
  const { loadConfig } = await import('../config.js');
  const { loadTrendReportInput } = await import('../reports/trend/load.js');
  const { buildTrendReportModel } = await import('../reports/trend/model.js');
  const { renderTrendReportPdf } = await import('../reports/trend/render.js');

  const { deps, createdAdminToken } = await boot(loadConfig(process.env));
  // A fresh database gets an admin whose token exists only now: say it, or nobody could ever use it.
  if (createdAdminToken) console.error(`Admin token (shown once; it is stored only as a hash): ${createdAdminToken}`);
  try {
    const admin = await deps.db.selectFrom('users').selectAll().where('role', '=', 'admin').orderBy('created_at').orderBy('id').executeTakeFirst();
    if (!admin) throw new Error('There is no admin user in this database.');
    // 404 and 422 from the trend carry a sentence meant for people as their message.
    const input = await loadTrendReportInput(deps, admin, values.organization, ids?.length ? ids : undefined, lang, deps.clock());
    const pdf = await renderTrendReportPdf(buildTrendReportModel(input, lang));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, pdf);
    console.error(`wrote ${out} (${input.trend.assessments.length} assessments, ${lang})`);
  } finally {
    await deps.db.destroy();
  }
}

await runCommand(spec, main);
