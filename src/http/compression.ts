import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text worth compressing: JSON (problem+json too), HTML, CSS, JavaScript, CSV, SVG, plain text. */
const COMPRESSIBLE = /^(?:application\/(?:[\w.+-]*\+)?json|text\/|application\/javascript|image\/svg\+xml)/i;
const MIN_BYTES = 1024;

/**
 * Brotli or gzip for text responses, whichever the client accepts (brotli first). Hono's own compress
 * middleware speaks gzip and deflate only (CompressionStream has no brotli on Node 20); node:zlib runs
 * the work on libuv's thread pool, off the event loop. Brotli at quality 5: within a few percent of the
 * maximum on these pages at a fraction of its time. Small bodies (most API answers, every submission)
 * are left alone: compressing them costs more than it saves.
 */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    // Headers and status only until the body must be read: @hono/node-server answers from its light response
    // object (one write to the socket) unless `body` or the like is touched, which builds a full WHATWG
    // Response and streams it. That cost every submission about a quarter more CPU (measured in issue 14).
    const type = res.headers.get('content-type') ?? '';
    if (c.req.method === 'HEAD' || res.status === 204 || (res.status >= 300 && res.status < 400) || res.headers.has('content-encoding') || !COMPRESSIBLE.test(type)) return;
    const accepted = (c.req.header('accept-encoding') ?? '').toLowerCase();
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    res.headers.append('vary', 'Accept-Encoding');
    if (!encoding) return;
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared < MIN_BYTES || !res.body) return;
    const body = Buffer.from(await res.arrayBuffer());
    let out: Buffer = body;
    if (body.length >= MIN_BYTES)
      out = encoding === 'br' ? await brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }) : await gzip(body);
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    if (out !== body) headers.set('content-encoding', encoding);
    // Unset first: assigning over a response makes Hono copy the old headers (content-length among them).
    c.res = undefined as never;
    c.res = new Response(new Uint8Array(out), { status: res.status, statusText: res.statusText, headers });
  };
}
