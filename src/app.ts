import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from './http/bodyLimit.js';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './deps.js';
import { AppError, problem, toProblem } from './errors.js';
import { authenticate } from './http/auth.js';
import { exportHeadWithoutSideEffects } from './http/headRequests.js';
import { renderDocsPage } from './http/docsPage.js';
import { FailureBudget, RateLimiter, type Refuse, tokenRouteLimit } from './http/rateLimit.js';
import { requestLog } from './http/requestLog.js';
import { requestTimeout } from './http/timeout.js';
import { findInvitationByToken } from './repositories/invitations.js';
import { assessmentsRoutes } from './routes/assessments.js';
import { auditRoutes } from './routes/audit.js';
import { benchmarkRoutes } from './routes/benchmark.js';
import { importsRoutes } from './routes/imports.js';
import { invitationsRoutes } from './routes/invitations.js';
import { organizationsRoutes } from './routes/organizations.js';
import { questionnairesRoutes } from './routes/questionnaires.js';
import { reportRoutes } from './routes/report.js';
import { trendReportRoutes } from './routes/trendReport.js';
import { createReportService } from './reports/service.js';
import { respondRoutes } from './routes/respond.js';
import { resultsRoutes } from './routes/results.js';
import { trendRoutes } from './routes/trend.js';
import { usersRoutes } from './routes/users.js';
import { consultantPages } from './web/app/routes.js';
import { respondentPages } from './web/respondent/routes.js';
import { tooManyForRespondent } from './web/respondent/notice.js';

const IMPORT_PATH = /^\/api\/v1\/assessments\/[^/]+\/responses\/import$/;

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono();

  app.onError((err, c) => toProblem(err, c, (e) => deps.logger.error({ err: e, path: c.req.path }, 'unhandled error')));
  app.notFound((c) => problem(c, 404, `No route ${c.req.method} ${c.req.path}.`));
  app.use('*', requestLog(deps.logger));
  // Defaults only: the pages under /r and /app, and the API below, set their own policy, which must win.
  app.use('*', secureHeaders({ referrerPolicy: 'no-referrer', overwrite: false }));
  // JSON and the docs page load nothing from anywhere; the web pages under /r and /app set their own policy.
  const apiPolicy = secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    referrerPolicy: 'no-referrer',
  });
  for (const path of ['/api/*', '/openapi.json', '/docs', '/healthz']) app.use(path, apiPolicy);
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
      isValid: async (token) => (await findInvitationByToken(deps.db, token)) !== undefined,
      refuse,
    });
  app.use('/api/v1/respond/*', linkLimit());
  app.use('/r/*', linkLimit(tooManyForRespondent));

  app.use('/api/v1/*', authenticate(deps.db, failures));
  app.use('/api/v1/assessments/:id/export/*', exportHeadWithoutSideEffects(deps));

  app.get('/healthz', async (c) => {
    await deps.db.selectFrom('users').select('id').limit(1).execute();
    return c.json({ status: 'ok' });
  });

  const reports = createReportService(deps);
  app.route('/api/v1', reportRoutes(deps, { service: reports }));
  for (const routes of [usersRoutes, organizationsRoutes, assessmentsRoutes, invitationsRoutes, importsRoutes, questionnairesRoutes, respondRoutes, resultsRoutes, auditRoutes, trendRoutes, trendReportRoutes, benchmarkRoutes])
    app.route('/api/v1', routes(deps));

  app.route('/', respondentPages(deps));
  app.route('/', consultantPages(deps, { renderReport: (user, assessment, lang) => reports.assessmentReport(assessment, lang, user), failures }));

  app.openAPIRegistry.registerComponent('securitySchemes', 'Bearer', { type: 'http', scheme: 'bearer' });
  const docConfig = {
    openapi: '3.1.0',
    info: {
      title: 'Mehvar',
      version: '1',
      description: 'Measures how customer-centric an organization is: questionnaire, answers, scores and reports.',
    },
  };
  app.get('/openapi.json', (c) => c.json(app.getOpenAPI31Document(docConfig)));
  app.get('/docs', (c) => c.html(renderDocsPage(app.getOpenAPI31Document(docConfig) as never)));
  return app;
}

export type App = ReturnType<typeof createApp>;
