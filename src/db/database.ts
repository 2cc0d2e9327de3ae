import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './tables.js';
import { FALLBACK_AUTOCHECKPOINT_PAGES, startWalCheckpointer, type WalCheckpointer } from './walCheckpointer.js';
import { WalSync } from './walSync.js';

export type Db = Kysely<Database>;

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url);

/**
 * Opens the embedded SQLite database with settings that keep every acknowledged answer:
 * WAL for concurrent readers, synchronous=FULL so a commit survives power loss, foreign keys on.
 */
export function openSqlite(file: string, opts: { onCheckpointError?: (message: string) => void } = {}): Db {
  const onDisk = file !== ':memory:';
  if (onDisk) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const checkpointer = onDisk ? startWalCheckpointer(file, { onError: opts.onCheckpointError }) : undefined;
  if (checkpointer) sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const walSync = onDisk ? new WalSync(`${path.resolve(file)}-wal`) : undefined;
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, checkpointer, walSync) }) });
  if (walSync) walSyncs.set(db, walSync);
  return db;
}

const walSyncs = new WeakMap<Db, WalSync>();

/** Syncs the write-ahead log of a SQLite file opened here (none for in-memory databases and PostgreSQL). */
export function walSyncOf(db: Db): WalSync | undefined {
  return walSyncs.get(db);
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query afresh, and preparing costs about as much as running a small statement
 * (a tenth of a submission's time in a profile). The SQL text of a query shape never changes, so prepared
 * statements are kept and reused; the cache is bounded because ad-hoc SQL (imports of any size) varies.
 */
function withStatementCache(sqlite: SQLite.Database, checkpointer?: WalCheckpointer, walSync?: WalSync) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    // Kysely closes synchronously; the checkpoint thread and the log's file handle follow on their own.
    close: () => {
      sqlite.close();
      void checkpointer?.stop();
      void walSync?.close();
    },
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

export interface PostgresOptions {
  /** Connections this instance may hold; all instances together must stay below max_connections. */
  poolSize?: number;
  /** A schema to work in instead of the URL's default search_path (each test gets its own). */
  schema?: string;
  /** An idle connection broke (server restart, network); the pool drops it and reconnects on demand. */
  onPoolError?: (err: Error) => void;
}

/** Opens PostgreSQL through a connection pool; several instances of the service may share the database. */
export function openPostgres(url: string, opts: PostgresOptions = {}): Db {
  if (opts.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error(`Not a plain schema name: ${opts.schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    ...(opts.schema && { options: `-c search_path=${opts.schema}` }),
  });
  // Without a listener an idle client's error would end the process.
  pool.on('error', (err) => opts.onPoolError?.(err));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** True on PostgreSQL (and compatible servers); works on a transaction too. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  // Kysely looks for its migration tables in every schema it can see; naming ours keeps another schema's
  // (a second application in the same database, the tests' parallel schemas) from passing for them.
  const migrationTableSchema = isPostgres(db)
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0].schema
    : undefined;
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String((error as Error)?.message ?? error)}`);
  }
}
