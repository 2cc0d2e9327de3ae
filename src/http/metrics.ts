import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { AppError } from '../httpErrors.js';

// Prometheus text at GET /metrics, behind its own bearer token (METRICS_TOKEN): request counts and
// latencies by route template (never by raw path: respondent links carry their token in the path),
// submissions, the report queue and the database. prom-client is the maintained client the Prometheus
// project lists for Node.

export interface MetricsSources {
  /** A trivial query; rejects when the database does not answer. */
  ping: () => Promise<unknown>;
  /** Jobs waiting for and running on the report threads, when the pool can tell. */
  reportQueue?: () => { queued: number; running: number };
}

export function createMetrics(sources: MetricsSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'mehvar_' });
  const requests = new Counter({ name: 'mehvar_http_requests_total', help: 'HTTP requests by method, route template and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'mehvar_http_request_duration_seconds',
    help: 'HTTP request duration by method and route template',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const submissions = new Counter({ name: 'mehvar_submissions_total', help: 'Responses submitted through respondent links', registers: [registry] });
  new Gauge({
    name: 'mehvar_report_jobs',
    help: 'Report jobs queued and running on the report threads',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const q = sources.reportQueue?.();
      if (!q) return;
      this.set({ state: 'queued' }, q.queued);
      this.set({ state: 'running' }, q.running);
    },
  });
  const dbPing = new Gauge({ name: 'mehvar_db_ping_seconds', help: 'Time a trivial query took at scrape time', registers: [registry] });
  const dbUp = new Gauge({ name: 'mehvar_db_up', help: '1 when the database answered at scrape time', registers: [registry] });

  const middleware: MiddlewareHandler = async (c, next) => {
    const started = performance.now();
    await next();
    const route = routeTemplate(c);
    const method = c.req.method;
    requests.inc({ method, route, status: String(c.res.status) });
    latency.observe({ method, route }, (performance.now() - started) / 1000);
    if (method === 'POST' && c.res.status === 200 && route === '/api/v1/respond/:token/submit') submissions.inc();
  };

  async function scrape(): Promise<string> {
    const started = performance.now();
    try {
      await sources.ping();
      dbUp.set(1);
    } catch {
      dbUp.set(0);
    }
    dbPing.set((performance.now() - started) / 1000);
    return registry.metrics();
  }

  return { middleware, scrape, contentType: registry.contentType };
}

/** The route the request was answered by, as registered (`/api/v1/assessments/:id/results`), or "unmatched". */
function routeTemplate(c: Context): string {
  const handlers = matchedRoutes(c).filter((r) => r.method !== 'ALL');
  return handlers.at(-1)?.path ?? 'unmatched';
}

/** GET /metrics: only with METRICS_TOKEN, compared in constant time. */
export function metricsRoute(token: string, metrics: ReturnType<typeof createMetrics>) {
  const expected = Buffer.from(`Bearer ${token}`);
  return async (c: Context) => {
    const given = Buffer.from(c.req.header('authorization') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new AppError(401, 'Send the metrics token: "Authorization: Bearer <METRICS_TOKEN>".');
    }
    return c.body(await metrics.scrape(), 200, { 'content-type': metrics.contentType });
  };
}
