import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';

/** Respondent and customer survey links carry their credential in the path; it never reaches a log line. */
export function redactPath(path: string): string {
  return path.replace(/^(\/api\/v1\/respond\/|\/r\/|\/api\/v1\/customer\/|\/c\/)[^/]+/, '$1[token]');
}

export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info(
      { reqId: c.get('requestId' as never), method: c.req.method, path: redactPath(c.req.path), status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 },
      'request',
    );
  };
}
