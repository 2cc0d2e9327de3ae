import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { type Db, isPostgres, migrateToLatest } from './database.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './tables.js';

type Table = keyof Database;

/** Every table with the key it is read in, parents before children, so no row arrives before what it references. */
const TABLES: Array<[Table, string[]]> = [
  ['users', ['id']],
  ['sessions', ['id']],
  ['brandings', ['user_id']],
  ['organizations', ['id']],
  ['organization_consultants', ['organization_id', 'user_id']],
  ['departments', ['id']],
  ['assessments', ['id']],
  ['invitations', ['id']],
  ['responses', ['seq']],
  ['final_scores', ['assessment_id']],
  ['comments', ['id']],
  ['customer_surveys', ['id']],
  ['customer_links', ['id']],
  ['customer_responses', ['seq']],
  ['actions', ['id']],
  ['invitee_addresses', ['invitation_id']],
  ['mail_outbox', ['id']],
  ['mail_schedules', ['assessment_id']],
  ['audit_events', ['id']],
];

export interface CopyReport {
  tables: Array<{ table: Table; source: number; target: number }>;
  /** sha256 over every response's id and answers in submission order, the same on both sides. */
  answersChecksum: string;
}

export class CopyError extends Error {}

async function countRows(db: Kysely<Database>, table: Table): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function answersChecksum(db: Kysely<Database>): Promise<string> {
  const hash = createHash('sha256');
  // Keyset pages by submission number, which starts at 1 on both databases.
  for (let after = 0; ; ) {
    const page = await db.selectFrom('responses').select(['seq', 'id', 'answers']).where('seq', '>', after).orderBy('seq').limit(5000).execute();
    if (!page.length) return hash.digest('hex');
    for (const r of page) hash.update(`${r.id}\t${r.answers}\n`);
    after = page[page.length - 1].seq;
  }
}

async function assertSameMigrations(source: Db): Promise<void> {
  const known = Object.keys(await migrationProvider.getMigrations()).sort();
  const applied = await sql<{ name: string }>`select name from kysely_migration order by name`
    .execute(source)
    .then((r) => r.rows.map((x) => x.name))
    .catch(() => {
      throw new CopyError('The source is not a Mehvar database (it has no migration table).');
    });
  const unknown = applied.filter((m) => !known.includes(m));
  if (unknown.length) throw new CopyError(`The source has migrations this build does not know (${unknown.join(', ')}); copy with the newer build.`);
  const missing = known.filter((m) => !applied.includes(m));
  if (missing.length)
    throw new CopyError(`The source lacks migrations ${missing.join(', ')}: start the service on it once (it migrates at start-up), then copy.`);
}

/**
 * Copies a whole Mehvar database from the embedded SQLite one (read with a streaming cursor, which the pg
 * dialect does not have) into another, PostgreSQL usually.
 * The target is migrated first; then every table is copied in foreign-key order, in batches, inside one
 * target transaction that also checks the row counts and the answers checksum, so the target ends up either
 * complete and verified or exactly as it was. A target that already holds data is refused unless `force`,
 * which replaces it.
 */
export async function copyDatabase(
  source: Db,
  target: Db,
  opts: { force?: boolean; batchSize?: number } = {},
): Promise<CopyReport> {
  const batchSize = opts.batchSize ?? 500;
  await assertSameMigrations(source);
  await migrateToLatest(target);
  // One read transaction on the source: a service still writing to it cannot make the copy inconsistent.
  return source.transaction().execute((src) =>
    target.transaction().execute(async (dst) => {
      const occupied = [];
      for (const [table] of TABLES) if ((await countRows(dst, table)) > 0) occupied.push(table);
      if (occupied.length && !opts.force)
        throw new CopyError(`The target already holds data (${occupied.join(', ')}); pass --force to replace it.`);
      for (const [table] of [...TABLES].reverse()) await dst.deleteFrom(table).execute();

      for (const [table, key] of TABLES) {
        let rows = 0;
        let batch: Record<string, unknown>[] = [];
        const flush = async () => {
          if (batch.length) await dst.insertInto(table).values(batch as never).execute();
          rows += batch.length;
          batch = [];
        };
        try {
          let q = src.selectFrom(table).selectAll();
          for (const column of key) q = q.orderBy(column as never);
          for await (const row of q.stream(batchSize)) {
            batch.push(row);
            if (batch.length >= batchSize) await flush();
          }
          await flush();
        } catch (err) {
          throw new CopyError(`Copying ${table} failed after ${rows} rows: ${(err as Error).message}`);
        }
      }
      // New submissions must number after the copied ones.
      if (isPostgres(dst))
        await sql`select setval(pg_get_serial_sequence('responses', 'seq'), coalesce(max(seq), 0) + 1, false) from responses`.execute(dst);
      if (isPostgres(dst))
        await sql`select setval(pg_get_serial_sequence('customer_responses', 'seq'), coalesce(max(seq), 0) + 1, false) from customer_responses`.execute(dst);

      const tables = [];
      for (const [table] of TABLES) tables.push({ table, source: await countRows(src, table), target: await countRows(dst, table) });
      const mismatched = tables.filter((t) => t.source !== t.target);
      if (mismatched.length)
        throw new CopyError(`Row counts differ after the copy: ${mismatched.map((t) => `${t.table} ${t.source} → ${t.target}`).join(', ')}`);
      const [before, after] = [await answersChecksum(src), await answersChecksum(dst)];
      if (before !== after) throw new CopyError('The responses differ after the copy (answers checksum mismatch).');
      return { tables, answersChecksum: after };
    }),
  );
}
