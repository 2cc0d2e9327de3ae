import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { copyDatabase } from '../db/copy.js';
import { type Db, isPostgresUrl, openPostgres } from '../db/database.js';
import type { Database } from '../db/tables.js';

// npm run db:copy -- --from <sqlite path> --to <postgres url> [--force]
const usage = 'usage: npm run db:copy -- --from <sqlite file> --to <postgres://…> [--force]';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let args;
try {
  args = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, force: { type: 'boolean', default: false } } }).values;
} catch (err) {
  fail(`${(err as Error).message}\n${usage}`, 2);
}
const { from, to, force } = args;
if (!from || !to) fail(usage, 2);
if (isPostgresUrl(from)) fail(`--from must be a SQLite file, not a URL.\n${usage}`, 2);
if (!isPostgresUrl(to)) fail(`--to must be a postgres:// URL.\n${usage}`, 2);

let shown: URL;
try {
  shown = new URL(to);
} catch {
  fail(`--to is not a valid URL.\n${usage}`, 2);
}
if (shown.password) shown.password = '***';

let source: Db;
try {
  // Read-only: copying never changes the embedded database, which stays as the fallback.
  source = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(from, { readonly: true, fileMustExist: true }) }) });
} catch (err) {
  fail(`Cannot open ${from}: ${(err as Error).message}`);
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
  process.exitCode = 1;
  // Everything ran in one target transaction: a failure leaves the target as it was (only migrated).
  console.error(`Nothing was copied; the target is unchanged. ${(err as Error).message}`);
} finally {
  await Promise.all([source.destroy(), target.destroy()]);
}
