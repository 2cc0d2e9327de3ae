import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildTestApp } from '../helpers.js';

/** The app on a real socket: the body limit reads the declared length there, which app.request never sends. */
async function listen(fetch: (req: Request) => Response | Promise<Response>) {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  onTestFinished(() => new Promise<void>((r) => server.close(() => r())));
  return (server.address() as AddressInfo).port;
}

function post(port: number, path: string, token: string, chunks: string[], declareLength: boolean) {
  return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
    const total = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
    const req = http.request(
      {
        port, host: '127.0.0.1', method: 'POST', path,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(declareLength ? { 'content-length': total } : { 'transfer-encoding': 'chunked' }) },
      },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
      },
    );
    // The server may answer 413 before the body is sent; the rest of the upload then fails, which is fine.
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'EPIPE' || (err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('the body size limit over a real connection', () => {
  it('refuses an oversized body by its declared length and by what arrives when no length is declared', async () => {
    const t = await buildTestApp({ env: { MAX_BODY_BYTES: '1000' } });
    const token = await t.consultant();
    const port = await listen(t.app.fetch);
    const big = JSON.stringify({ name: { fa: 'ب'.repeat(2000) } });
    for (const declareLength of [true, false]) {
      const res = await post(port, '/api/v1/organizations', token, [big.slice(0, 100), big.slice(100)], declareLength);
      expect(res.status, `declared length: ${declareLength}`).toBe(413);
      expect(res.type).toContain('application/problem+json');
    }
    expect((await t.call('GET', '/api/v1/organizations', { token })).data.items ?? []).toHaveLength(0);
  });

  it('accepts a body within the limit either way', async () => {
    const t = await buildTestApp({ env: { MAX_BODY_BYTES: '1000' } });
    const token = await t.consultant();
    const port = await listen(t.app.fetch);
    const body = JSON.stringify({ name: { fa: 'شرکت پارس' } });
    for (const declareLength of [true, false]) {
      const res = await post(port, '/api/v1/organizations', token, [body.slice(0, 10), body.slice(10)], declareLength);
      expect(res.status, `declared length: ${declareLength}`).toBe(201);
      expect(JSON.parse(res.body).name.fa).toBe('شرکت پارس');
    }
  });
});
