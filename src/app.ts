import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { requestId } from 'hono/request-id';
import { compression } from './http/compression.js';
import { createMetrics, metricsRoute } from './http/metrics.js';
import { bodyLimit } from './http/bodyLimit.js';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './deps.js';
import { AppError, problem, toProblem } from './httpErrors.js';
import { authenticate } from './http/auth.js';
import { exportHeadWithoutSideEffects } from './http/headRequests.js';
import { renderDocsPage } from './http/docsPage.js';
import { FailureBudget, RateLimiter, type Refuse, tokenRouteLimit } from './http/rateLimit.js';
import { redactPath, requestLog } from './http/requestLog.js';
import { requestTimeout } from './http/timeout.js';
import { assessmentsRoutes } from './routes/assessments.js';
import { auditRoutes } from './routes/audit.js';
import { commentsRoutes } from './routes/comments.js';
import { benchmarkRoutes } from './routes/benchmark.js';
import { importsRoutes } from './routes/imports.js';
import { invitationsRoutes } from './routes/invitations.js';
import { organizationsRoutes } from './routes/organizations.js';
import { questionnairesRoutes } from './routes/questionnaires.js';
import { reportRoutes } from './routes/report.js';
import { officeExportsRoutes } from './routes/officeExports.js';
import { trendReportRoutes } from './routes/trendReport.js';
import { checkHealth } from './services/health.js';
import { createReportService, rendererOf, reportQueueStats, reportThreadsWarming } from './services/reports.js';
import { docxRendererOf } from './services/reports.js';
import { isKnownLink } from './services/respondents.js';
import { respondRoutes } from './routes/respond.js';
import { resultsRoutes } from './routes/results.js';
import { trendRoutes } from './routes/trend.js';
import { actionsRoutes } from './routes/actions.js';
import { usersRoutes } from './routes/users.js';
import { remindersRoutes } from './routes/reminders.js';
import { departmentsRoutes } from './routes/departments.js';
import { brandingRoutes } from './routes/branding.js';
import { consultantPages } from './web/app/routes.js';
import { respondentPages } from './web/respondent/routes.js';
import { tooManyForRespondent } from './web/respondent/notice.js';
import { customerRoutes } from './routes/customer.js';
import { customerSurveyRoutes } from './routes/customerSurvey.js';
import { CustomerAnswerBudget } from './routes/customerLimits.js';
import { isKnownCustomerLink } from './services/customerSurvey.js';
import { customerPages } from './web/customer/routes.js';
import { tooManyForCustomer } from './web/customer/notice.js';

const IMPORT_PATH = /^\/api\/v1\/assessments\/[^/]+\/responses\/import$/;

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono();

  app.onError((err, c) => {
    const res = toProblem(err, c, (e) => deps.logger.error({ err: e, path: redactPath(c.req.path), reqId: c.get('requestId' as never) }, 'unhandled error'));
    if (res.status === 401) res.headers.set('www-authenticate', 'Bearer realm="mehvar"');
    return res;
  });
  app.notFound((c) => problem(c, 404, `No route ${c.req.method} ${redactPath(c.req.path)}.`));
  app.use('*', requestId({ headerName: 'X-Request-Id', limitLength: 200 }));
  app.use('*', requestLog(deps.logger));
  const metrics = createMetrics({ ping: () => checkHealth(deps), reportQueue: reportQueueStats });
  app.use('*', metrics.middleware);
  if (deps.config.metricsToken) app.get('/metrics', metricsRoute(deps.config.metricsToken, metrics));
  app.use('*', methodNotAllowed({ app, onMethodNotAllowed: (c, methods) => {
    const allow = [...methods].sort().join(', ');
    return problem(c, 405, `${c.req.method} is not allowed here; use ${allow}.`, undefined, 'about:blank', { allow });
  } }));
  app.use('*', compression());
  if (deps.config.corsOrigins.length) app.use('/api/*', cors({ origin: deps.config.corsOrigins, allowHeaders: ['Authorization', 'Content-Type', 'If-None-Match'], exposeHeaders: ['ETag', 'Retry-After', 'X-Request-Id', 'Content-Disposition'], maxAge: 600 }));
  // Reports, exports and the API document are the large answers a client fetches again unchanged.
  for (const path of ['/api/v1/assessments/:id/report.pdf', '/api/v1/assessments/:id/export/*', '/api/v1/organizations/:orgId/trend/report.pdf', '/openapi.json', '/app/assessments/:id/report.pdf', '/app/assessments/:id/export/*'])
    app.use(path, etag({ weak: true }));
  for (const path of ['/api/v1/assessments/:id/report.docx', '/app/assessments/:id/report.docx']) app.use(path, etag({ weak: true }));
  // Defaults only: the pages under /r and /app, and the API below, set their own policy, which must win.
  app.use('*', secureHeaders({ referrerPolicy: 'no-referrer', overwrite: false }));
  // JSON and the docs page load nothing from anywhere; the web pages under /r and /app set their own policy.
  const apiPolicy = secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    referrerPolicy: 'no-referrer',
  });
  for (const path of ['/api/*', '/openapi.json', '/docs', '/healthz', '/readyz']) app.use(path, apiPolicy);
  app.use('/api/*', requestTimeout(deps.config.requestTimeoutMs));
  // Imports have their own, larger limit; every other body is small.
  const smallBodies = bodyLimit({
    maxSize: deps.config.maxBodyBytes,
    onError: () => {
      throw new AppError(413, `The request body may be at most ${deps.config.maxBodyBytes} bytes.`);
    },
  });
  app.use('/api/*', (c, next) => (IMPORT_PATH.test(c.req.path) ? next() : smallBodies(c, next)));

  // One failure budget per address for every kind of credential (links, bearer tokens, sign-ins), so
  // guessing through one door does not reset the count at another.
  const failures = new FailureBudget(new RateLimiter(deps.config.rateLimitFailuresPerIp, 60_000));
  // Respondent links are bearer credentials in a URL: bound how fast one link is used and how fast an
  // address may guess at links.
  const perLink = new RateLimiter(deps.config.rateLimitPerToken, 60_000);
  const linkLimit = (refuse?: Refuse) =>
    tokenRouteLimit({
      perToken: perLink,
      failures,
      token: (c) => /^\/(?:api\/v1\/respond|r)\/([^/]+)/.exec(c.req.path)?.[1],
      isValid: (token) => isKnownLink(deps, token),
      refuse,
    });
  app.use('/api/v1/respond/*', linkLimit());
  app.use('/r/*', linkLimit(tooManyForRespondent));
  // A customer survey's shareable link serves every customer: guesses spend the failure budget, answers a per-address budget.
  const customerAnswers = new CustomerAnswerBudget();
  const customerGuard = (refuse?: Refuse) =>
    tokenRouteLimit({ failures, token: (c) => /^\/(?:api\/v1\/customer|c)\/([^/]+)/.exec(c.req.path)?.[1], isValid: (t) => isKnownCustomerLink(deps, t), refuse });
  app.use('/api/v1/customer/*', customerGuard());
  app.use('/c/*', customerGuard(tooManyForCustomer));

  app.use('/api/v1/*', authenticate(deps.db, failures));
  app.use('/api/v1/assessments/:id/export/*', exportHeadWithoutSideEffects(deps));

  app.get('/healthz', async (c) => {
    await checkHealth(deps);
    return c.json({ status: 'ok' });
  });
  // Alive is not ready: for a few seconds after start the report threads are warming, and a report asked
  // for meanwhile waits behind that. A load balancer or deploy script waits for 200 here.
  app.get('/readyz', async (c) => {
    await checkHealth(deps);
    if (reportThreadsWarming()) return problem(c, 503, 'The report threads are starting; try again in a moment.', undefined, 'about:blank', { 'retry-after': '1' });
    return c.json({ status: 'ready' });
  });

  const reports = createReportService(deps);
  app.route('/api/v1', reportRoutes(deps, { service: reports }));
  for (const routes of [commentsRoutes, usersRoutes, organizationsRoutes, assessmentsRoutes, invitationsRoutes, importsRoutes, questionnairesRoutes, respondRoutes, resultsRoutes, auditRoutes, trendRoutes, trendReportRoutes, benchmarkRoutes])
    app.route('/api/v1', routes(deps));
  app.route('/api/v1', remindersRoutes(deps));
  app.route('/api/v1', actionsRoutes(deps));
  app.route('/api/v1', departmentsRoutes(deps));
  app.route('/api/v1', brandingRoutes(deps));
  app.route('/api/v1', officeExportsRoutes(deps, { service: reports }));

  app.route('/api/v1', customerSurveyRoutes(deps));
  app.route('/api/v1', customerRoutes(deps, { answers: customerAnswers }));

  app.route('/', respondentPages(deps));
  app.route('/', customerPages(deps, { answers: customerAnswers }));
  app.route('/', consultantPages(deps, { renderReport: rendererOf(reports), renderDocx: docxRendererOf(reports), failures }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'Bearer', { type: 'http', scheme: 'bearer' });
  const docConfig = {
    openapi: '3.1.0',
    info: {
      title: 'Mehvar',
      version: '1',
      description: 'Measures how customer-centric an organization is: questionnaire, answers, scores and reports.',
    },
    servers: [{ url: deps.config.publicUrl }],
  };
  app.get('/openapi.json', (c) => c.json(app.getOpenAPI31Document(docConfig)));
  app.get('/docs', (c) => c.html(renderDocsPage(app.getOpenAPI31Document(docConfig) as never)));
  return app;
}

export type App = ReturnType<typeof createApp>;
