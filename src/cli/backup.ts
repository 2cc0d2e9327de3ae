import { defineCommand, runCommand } from './args.js';

// The npm scripts name the mode: `backup.js backup …` and `backup.js restore …`.
const backupSpec = defineCommand({
  name: 'backup',
  invocation: 'npm run backup --',
  usage: ['--out <file>'],
  summary: `Copies the embedded database in DATABASE_URL to a new file while the service runs, and checks the
copy's integrity. For PostgreSQL use pg_dump (README, "Backups").`,
  options: {
    out: { type: 'string', placeholder: '<file>', required: true, description: 'the backup to write (must not exist yet)' },
  },
});

const restoreSpec = defineCommand({
  name: 'restore',
  invocation: 'npm run restore --',
  usage: ['--from <file> [--force]'],
  summary: `Puts a backup back as the embedded database in DATABASE_URL, after checking its integrity. Refused
while a service runs on the database: stop it first, and start it again afterwards.`,
  options: {
    from: { type: 'string', placeholder: '<file>', required: true, description: 'the backup to put back' },
    force: { type: 'boolean', description: 'replace the database that is there' },
  },
});

/** The SQLite file in DATABASE_URL; loaded only once the arguments are read. */
async function sqliteFile(): Promise<string> {
  const { loadConfig } = await import('../config.js');
  const { databaseUrl } = loadConfig(process.env);
  if (/^postgres/i.test(databaseUrl)) throw new Error('DATABASE_URL is PostgreSQL: use pg_dump / pg_restore (see README, "Backups").');
  if (databaseUrl === ':memory:') throw new Error('An in-memory database cannot be backed up.');
  return databaseUrl;
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'backup')
  await runCommand(
    backupSpec,
    async ({ out }) => {
      const database = await sqliteFile();
      const { backupSqlite } = await import('../backup/sqliteBackup.js');
      const { bytes } = await backupSqlite(database, out);
      console.log(`backup: ${database} → ${out} (${bytes} bytes, integrity ok)`);
    },
    rest,
  );
else if (mode === 'restore')
  await runCommand(
    restoreSpec,
    async ({ from, force }) => {
      const database = await sqliteFile();
      const { restoreSqlite } = await import('../backup/sqliteBackup.js');
      await restoreSqlite(from, database, { force });
      console.log(`restore: ${from} → ${database} (integrity ok); start the service again`);
    },
    rest,
  );
else {
  console.error('backup: run it as npm run backup -- --out <file> or npm run restore -- --from <file> [--force]');
  process.exit(2);
}
