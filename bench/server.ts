import { serve } from '@hono/node-server';
import { createApp } from '../src/app.js';
import { boot } from '../src/boot.js';
import { loadConfig } from '../src/config.js';
import { sampleReportJob } from '../src/services/reports.js';
import { warmReportPool } from '../src/reports/worker/pool.js';

// The real service (same boot, same durable SQLite settings) plus a bare JSON echo route: the ceiling
// that a submission is compared with, measured on the same server in the same run.
const { deps } = await boot(loadConfig(process.env));
const app = createApp(deps);
const outer = new (app.constructor as typeof import('@hono/zod-openapi').OpenAPIHono)();
outer.post('/bench/echo', async (c) => c.json({ received: Object.keys(((await c.req.json()) as { answers: object }).answers).length }));
outer.route('/', app);
serve({ fetch: outer.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('ready'));
// As src/index.ts does: report threads started (and warmed on the newest assessment) once serving.
void warmReportPool(() => sampleReportJob(deps));
// A clean exit on SIGTERM lets --cpu-prof write its profile.
process.on('SIGTERM', () => process.exit(0));
