import { serve } from '@hono/node-server';
import { takeServiceLock } from './backup/databaseLock.js';
import { loadConfig } from './config.js';
import { loadQuestionnaires } from './questionnaire/registry.js';
import { primeReportThreads } from './services/reportWarmup.js';

// Reads config, opens and migrates the database, serves. Nothing else (and never demo data).

try {
  const config = loadConfig(process.env);
  // Held for the life of the process (the OS drops it if the process dies): a restore refuses to replace
  // the file under a running service, and a second service on the same file does not start.
  const lock = takeServiceLock(config.databaseUrl);
  const questionnaires = loadQuestionnaires(config.questionnairesDir);
  // First, so a report thread's slow first report is drawn while the rest of the service loads and the
  // database opens and migrates, on another core.
  const primed = primeReportThreads(questionnaires, new Date());
  const [{ boot }, { createApp }, { closeReportPool, warmReportThreads }, { startMailSender }] = await Promise.all([
    import('./boot.js'),
    import('./app.js'),
    import('./services/reports.js'),
    import('./services/mailSender.js'),
  ]);
  const { deps, createdAdminToken } = await boot(config, questionnaires);
  // Listening only once the threads have drawn it, so even the report asked for the moment the service
  // answers is drawn by a warm thread (at most 5 s, should a thread never come up).
  await primed;
  const server = serve({ fetch: createApp(deps).fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Mehvar is listening on ${config.publicUrl} (port ${info.port}, database ${config.databaseUrl})`);
    if (createdAdminToken)
      console.log(`Admin token (shown once; it is stored only as a hash): ${createdAdminToken}`);
  });
  // Then the newest assessment's report, between real reports; /readyz says when that is done.
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
