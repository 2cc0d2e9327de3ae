import fs from 'node:fs';
import path from 'node:path';
import type { ReportLang } from '../services/reports.js';
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
  const { drawTrendReport } = await import('../services/trendReport.js');
  const { operatorAdmin } = await import('../services/users.js');

  const { deps, createdAdminToken } = await boot(loadConfig(process.env));
  // A fresh database gets an admin whose token exists only now: say it, or nobody could ever use it.
  if (createdAdminToken) console.error(`Admin token (shown once; it is stored only as a hash): ${createdAdminToken}`);
  try {
    const admin = await operatorAdmin(deps);
    // 404 and 422 from the trend carry a sentence meant for people as their message.
    const { pdf, assessments } = await drawTrendReport(deps, admin, values.organization, ids?.length ? ids : undefined, lang);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, pdf);
    console.error(`wrote ${out} (${assessments} assessments, ${lang})`);
  } finally {
    await deps.db.destroy();
  }
}

await runCommand(spec, main);
