import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps.js';
import { assessmentForCaller } from './auth.js';
import { XLSX_TYPE } from './schemas/officeExports.js';

/**
 * Hono answers HEAD by running the GET handler and dropping the body, so a HEAD on an export would compute
 * it and log an export nobody received. Mounted on the exports' paths, this answers HEAD after the same
 * access check as GET (401, 404 alike) with the headers only; the export handlers never see a HEAD.
 */
export function exportHeadWithoutSideEffects(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'HEAD') return next();
    await assessmentForCaller(deps, c, c.req.param('id') ?? '');
    const type = c.req.path.endsWith('.csv') ? 'text/csv; charset=utf-8' : c.req.path.endsWith('.xlsx') ? XLSX_TYPE : 'application/octet-stream';
    return c.body(null, 200, { 'content-type': type });
  };
}
