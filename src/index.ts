import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { boot } from './boot.js';
import { takeDatabaseLock } from './backup/databaseLock.js';
import { loadConfig } from './config.js';
import { isPostgresUrl } from './db/database.js';
import { closeReportPool, warmReportThreads } from './services/reports.js';
import { startMailSender } from './services/mailSender.js';

// Reads config, opens and migrates the database, serves. Nothing else (and never demo data).
try {
  const config = loadConfig(process.env);
  // Held for the life of the process (the OS drops it if the process dies): a restore refuses to replace
  // the file under a running service, and a second service on the same file does not start.
  const lock = isPostgresUrl(config.databaseUrl) || config.databaseUrl === ':memory:' ? undefined : takeDatabaseLock(config.databaseUrl, { waitMs: 5000 });
  const { deps, createdAdminToken } = await boot(config);
  const server = serve({ fetch: createApp(deps).fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Mehvar is listening on ${config.publicUrl} (port ${info.port}, database ${config.databaseUrl})`);
    if (createdAdminToken)
      console.log(`Admin token (shown once; it is stored only as a hash): ${createdAdminToken}`);
  });
  // After serving, so start-up is not slower: the report threads start and draw one report meanwhile.
  void warmReportThreads(deps);
  // The outbox is in the database: what was queued before a restart is sent now (nothing without SMTP_URL).
  const mail = startMailSender(deps);
  const stop = () => server.close(() => Promise.resolve(mail?.stop()).then(() => Promise.all([deps.db.destroy(), closeReportPool()])).then(() => (lock?.release(), process.exit(0))));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} catch (err) {
  console.error(`Mehvar could not start: ${(err as Error).message}`);
  process.exit(1);
}
