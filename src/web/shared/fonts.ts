import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Hono } from 'hono';

/** The Vazirmatn web fonts we serve ourselves (no CDN: the CSP allows only our own origin). */
export const WEB_FONTS = ['Vazirmatn-Regular.woff2', 'Vazirmatn-Bold.woff2'] as const;

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('vazirmatn/package.json')), 'fonts', 'webfonts');
const cache = new Map<string, Promise<Buffer>>();

function load(file: string): Promise<Buffer> {
  let bytes = cache.get(file);
  if (!bytes) {
    bytes = readFile(path.join(fontDir, file));
    cache.set(file, bytes);
  }
  return bytes;
}

/** GET /assets/fonts/<file>.woff2 for the files in WEB_FONTS only; anything else falls through. */
export function fontRoutes() {
  const app = new Hono();
  app.get('/assets/fonts/:file', async (c, next) => {
    const file = c.req.param('file');
    if (!(WEB_FONTS as readonly string[]).includes(file)) return next();
    const bytes = await load(file);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'font/woff2',
      'Cache-Control': 'public, max-age=604800',
      'X-Content-Type-Options': 'nosniff',
    });
  });
  return app;
}
