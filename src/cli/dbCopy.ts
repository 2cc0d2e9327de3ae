import type { Db } from '../db/database.js';
import type { Database } from '../db/tables.js';
import { defineCommand, type OptionValues, runCommand, UsageError } from './args.js';

const spec = defineCommand({
  name: 'db:copy',
  invocation: 'npm run db:copy --',
  usage: ['--from <sqlite file> --to <postgres://…> [--force]'],
  summary: `Copies an embedded database into PostgreSQL with the service stopped: migrates the target, copies every
table in one transaction and verifies row counts and a checksum of the answers; on any mismatch nothing is
kept. The SQLite file is only read.`,
  options: {
    from: { type: 'string', placeholder: '<sqlite file>', required: true, description: 'the SQLite database to copy' },
    to: { type: 'string', placeholder: '<postgres://…>', required: true, description: 'the PostgreSQL database to copy into' },
    force: { type: 'boolean', description: 'replace what the target already holds' },
  },
});

async function main({ from, to, force }: OptionValues<typeof spec.options>): Promise<void> {
  // Loaded only now: --help and usage errors never open a database.
  const { isPostgresUrl, openPostgres } = await import('../db/database.js');
  if (isPostgresUrl(from)) throw new UsageError('--from must be a SQLite file, not a URL');
  if (!isPostgresUrl(to)) throw new UsageError('--to must be a postgres:// URL');
  let shown: URL;
  try {
    shown = new URL(to);
  } catch {
    throw new UsageError('--to is not a valid URL');
  }
  if (shown.password) shown.password = '***';

  const { copyDatabase } = await import('../db/copy.js');
  const { default: SQLite } = await import('better-sqlite3');
  const { Kysely, SqliteDialect } = await import('kysely');
  let source: Db;
  try {
    // Read-only: copying never changes the embedded database, which stays as the fallback.
    source = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(from, { readonly: true, fileMustExist: true }) }) });
  } catch (err) {
    throw new Error(`Cannot open ${from}: ${(err as Error).message}`);
  }
  const target = openPostgres(to, { poolSize: 2 });

  const started = Date.now();
  try {
    console.log(`Copying ${from} into ${shown}${force ? ' (replacing what is there)' : ''}`);
    const report = await copyDatabase(source, target, { force });
    const width = Math.max(...report.tables.map((t) => t.table.length));
    console.log(`${'table'.padEnd(width)}  ${'source'.padStart(8)}  ${'target'.padStart(8)}`);
    for (const t of report.tables) console.log(`${t.table.padEnd(width)}  ${String(t.source).padStart(8)}  ${String(t.target).padStart(8)}`);
    const total = report.tables.reduce((s, t) => s + t.target, 0);
    console.log(`responses answers checksum: sha256 ${report.answersChecksum} (identical on both sides)`);
    console.log(`Copied and verified ${total} rows in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (err) {
    // Everything ran in one target transaction: a failure leaves the target as it was (only migrated).
    throw new Error(`Nothing was copied; the target is unchanged. ${(err as Error).message}`);
  } finally {
    await Promise.all([source.destroy(), target.destroy()]);
  }
}

await runCommand(spec, main);
