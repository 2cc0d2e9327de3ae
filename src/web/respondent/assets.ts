import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { fontRoutes } from '../shared/fonts.js';
import { RESPOND_JS } from './script.js';
import { RESPOND_CSS } from './styles.js';

const version = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

/** Asset URLs carry a content hash, so they can be cached for a long time and still change on deploy. */
export const ASSETS = {
  css: `/assets/respond.css?v=${version(RESPOND_CSS)}`,
  js: `/assets/respond.js?v=${version(RESPOND_JS)}`,
} as const;

/** /assets/respond.css, /assets/respond.js and the Vazirmatn fonts, all from this server. */
export function respondentAssets() {
  const app = new Hono();
  const headers = (type: string) => ({
    'Content-Type': type,
    'Cache-Control': 'public, max-age=86400',
    'X-Content-Type-Options': 'nosniff',
  });
  app.get('/assets/respond.css', (c) => c.body(RESPOND_CSS, 200, headers('text/css; charset=utf-8')));
  app.get('/assets/respond.js', (c) => c.body(RESPOND_JS, 200, headers('text/javascript; charset=utf-8')));
  app.route('/', fontRoutes());
  return app;
}
