import { BackupError, backupSqlite, restoreSqlite } from '../backup/sqliteBackup.js';
import { loadConfig } from '../config.js';
import { parseArgs } from './args.js';

// npm run backup -- --out <file>        online backup of DATABASE_URL while the service runs
// npm run restore -- --from <file> [--force]   put a backup back; refused while a service runs on the file
const [mode, ...rest] = process.argv.slice(2);
try {
  const args = parseArgs(rest);
  const config = loadConfig(process.env);
  if (/^postgres/i.test(config.databaseUrl))
    throw new BackupError('DATABASE_URL is PostgreSQL: use pg_dump / pg_restore (see README, "Backups").');
  if (config.databaseUrl === ':memory:') throw new BackupError('An in-memory database cannot be backed up.');
  if (mode === 'backup') {
    if (typeof args.out !== 'string') throw new BackupError('Usage: npm run backup -- --out <file>');
    const { bytes } = await backupSqlite(config.databaseUrl, args.out);
    console.log(`backup: ${config.databaseUrl} → ${args.out} (${bytes} bytes, integrity ok)`);
  } else if (mode === 'restore') {
    if (typeof args.from !== 'string') throw new BackupError('Usage: npm run restore -- --from <file> [--force]');
    await restoreSqlite(args.from, config.databaseUrl, { force: args.force === true });
    console.log(`restore: ${args.from} → ${config.databaseUrl} (integrity ok); start the service again`);
  } else throw new BackupError('Usage: backup.js backup --out <file> | restore --from <file> [--force]');
} catch (err) {
  console.error(`${mode ?? 'backup'} failed: ${(err as Error).message}`);
  process.exit(1);
}
