import { serve } from '@hono/node-server';
import { loadConfig } from '../src/config.js';
import { loadQuestionnaires } from '../src/questionnaire/registry.js';
import { primeReportThreads } from '../src/services/reportWarmup.js';

// The real service, started as src/index.ts starts it (report threads primed while the rest loads and the
// database migrates; listening once they are), plus a bare JSON echo route: the ceiling that a submission
// is compared with, measured on the same server in the same run.
const config = loadConfig(process.env);
const questionnaires = loadQuestionnaires(config.questionnairesDir);
const primed = primeReportThreads(questionnaires, new Date());
const [{ boot }, { createApp }, { warmReportThreads }] = await Promise.all([import('../src/boot.js'), import('../src/app.js'), import('../src/services/reports.js')]);
const { deps } = await boot(config, questionnaires);
await primed;
const app = createApp(deps);
const outer = new (app.constructor as typeof import('@hono/zod-openapi').OpenAPIHono)();
outer.post('/bench/echo', async (c) => c.json({ received: Object.keys(((await c.req.json()) as { answers: object }).answers).length }));
outer.route('/', app);
serve({ fetch: outer.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('ready'));
void warmReportThreads(deps);
// A clean exit on SIGTERM lets --cpu-prof write its profile.
process.on('SIGTERM', () => process.exit(0));
