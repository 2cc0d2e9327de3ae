import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildTestApp } from '../helpers.js';

/**
 * Issue 15, defect 11: a client that declares a body and then trickles it was answered 503 ("the request
 * took too long") by the timeout, as if the server were overloaded. It is the client that is slow: 408.
 */
async function listen(fetch: (req: Request) => Response | Promise<Response>) {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  onTestFinished(() => new Promise<void>((r) => server.close(() => r())));
  return (server.address() as AddressInfo).port;
}

/** Sends the headers and the first bytes of a body, then nothing more; resolves with the answer. */
function stall(port: number, path: string, token: string, declareLength: boolean) {
  return new Promise<{ status: number; type: string; body: string; connection: string }>((resolve, reject) => {
    const req = http.request(
      {
        port, host: '127.0.0.1', method: 'POST', path,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(declareLength ? { 'content-length': 200 } : { 'transfer-encoding': 'chunked' }) },
      },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => {
          resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body, connection: String(res.headers.connection) });
          req.destroy();
        });
      },
    );
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' || (err as NodeJS.ErrnoException).code === 'EPIPE' ? undefined : reject(err)));
    req.write('{"name": {"fa"');
  });
}

describe('request timeouts over a real connection', () => {
  it('answer a body that stops arriving with 408 problem+json, and store nothing', async () => {
    const t = await buildTestApp({ env: { REQUEST_TIMEOUT_MS: '300' } });
    const token = await t.consultant();
    const port = await listen(t.app.fetch);
    for (const declareLength of [true, false]) {
      const res = await stall(port, '/api/v1/organizations', token, declareLength);
      expect(res.status, `declared length: ${declareLength}`).toBe(408);
      expect(res.type).toContain('application/problem+json');
      expect(JSON.parse(res.body)).toMatchObject({ status: 408, title: 'Request timeout' });
      expect(res.connection).toBe('close');
    }
    expect(await t.db.selectFrom('organizations').selectAll().execute()).toEqual([]);
  });

  it('still answer a handler that itself runs too long with 503', async () => {
    const t = await buildTestApp({ env: { REQUEST_TIMEOUT_MS: '300' } });
    const token = await t.consultant();
    t.app.post('/api/v1/slow', async (c) => {
      await c.req.json();
      await new Promise((r) => setTimeout(r, 2000));
      return c.json({});
    });
    const port = await listen(t.app.fetch);
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/slow`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
