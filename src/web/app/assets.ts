import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';
import { fontRoutes } from '../shared/fonts.js';
import { APP_JS } from './script.js';
import { APP_CSS } from './styles.js';

const version = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 10);

/**
 * Chart.js's browser build, from the installed package (never a CDN: the CSP allows only this origin). The
 * package exports no subpath for it, so it is found next to the resolved main file. The source-map comment is
 * dropped: we do not serve the map, and the browser would ask for it.
 */
function loadChartJs(): string {
  const main = createRequire(import.meta.url).resolve('chart.js');
  const text = readFileSync(path.join(path.dirname(main), 'chart.umd.js'), 'utf8');
  return text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

let chartJs: string | undefined;
const chartJsText = () => (chartJs ??= loadChartJs());

/** Asset URLs carry a content hash, so they can be cached for long and still change on deploy. */
export const APP_ASSETS = {
  css: `/app/assets/app.css?v=${version(APP_CSS)}`,
  js: `/app/assets/app.js?v=${version(APP_JS)}`,
  get chart() {
    return `/app/assets/chart.js?v=${version(chartJsText())}`;
  },
};

/** /app/assets/{app.css, app.js, chart.js} and the Vazirmatn fonts under /app/assets/fonts, all from this server. */
export function appAssets() {
  const app = new Hono();
  const headers = (type: string) => ({
    'Content-Type': type,
    'Cache-Control': 'public, max-age=86400',
    'X-Content-Type-Options': 'nosniff',
  });
  app.get('/app/assets/app.css', (c) => c.body(APP_CSS, 200, headers('text/css; charset=utf-8')));
  app.get('/app/assets/app.js', (c) => c.body(APP_JS, 200, headers('text/javascript; charset=utf-8')));
  app.get('/app/assets/chart.js', (c) => c.body(chartJsText(), 200, headers('text/javascript; charset=utf-8')));
  app.route('/app', fontRoutes());
  return app;
}
