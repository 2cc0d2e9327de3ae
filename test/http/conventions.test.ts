import { Writable } from 'node:stream';
import zlib from 'node:zlib';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { buildTestApp } from '../helpers.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

describe('HTTP conventions', () => {
  it('compresses large text answers with brotli or gzip, as the client accepts, and leaves small ones alone', async () => {
    const t = await buildTestApp();
    const plain = await t.app.request('/openapi.json');
    const text = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    const br = await t.app.request('/openapi.json', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(zlib.brotliDecompressSync(brBytes).toString('utf8')).toBe(text);
    expect(brBytes.length).toBeLessThan(Buffer.byteLength(text) / 3);
    const gz = await t.app.request('/openapi.json', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(zlib.gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(text);
    const small = await t.app.request('/healthz', { headers: { 'accept-encoding': 'br' } });
    expect(small.headers.get('content-encoding')).toBeNull();
  });

  it('answers 304 to a matching If-None-Match on the API document and on exports', async () => {
    const t = await buildTestApp();
    const first = await t.app.request('/openapi.json');
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/"[0-9a-f]+"$/);
    const again = await t.app.request('/openapi.json', { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const { token, assessmentId } = await t.setup();
    const url = `/api/v1/assessments/${assessmentId}/export/items.csv`;
    const csv = await t.app.request(url, { headers: { authorization: `Bearer ${token}` } });
    const csvTag = csv.headers.get('etag')!;
    expect((await t.app.request(url, { headers: { authorization: `Bearer ${token}`, 'if-none-match': csvTag } })).status).toBe(304);
  });

  it('gives every answer an X-Request-Id, echoes a sensible one, and logs it with the request', async () => {
    const t = await buildTestApp();
    const lines: any[] = [];
    const sink = new Writable({ write(chunk, _e, done) { lines.push(JSON.parse(String(chunk))); done(); } });
    const app = createApp({ ...t.deps, logger: pino({ level: 'info' }, sink) });
    const generated = await app.request('/healthz');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await app.request('/healthz', { headers: { 'x-request-id': 'trace-42' } });
    expect(echoed.headers.get('x-request-id')).toBe('trace-42');
    expect(lines.find((l) => l.msg === 'request' && l.reqId === 'trace-42')).toBeTruthy();
  });

  it('answers 405 with Allow for a wrong method on a known path, and 404 for an unknown path', async () => {
    const t = await buildTestApp();
    const token = await t.consultant();
    const res = await t.call('PUT', '/api/v1/organizations', { token, json: {} });
    expect(res.status).toBe(405);
    expect(res.type).toContain('application/problem+json');
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST');
    expect((await t.call('GET', '/api/v1/nothing-here', { token })).status).toBe(404);
  });

  it('sends WWW-Authenticate: Bearer with a 401', async () => {
    const t = await buildTestApp();
    const res = await t.call('GET', '/api/v1/organizations');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="mehvar"');
  });

  it('allows no browser origin by default, and exactly the configured ones when set', async () => {
    const preflight = (app: { request: (u: string, i: RequestInit) => Response | Promise<Response> }, origin: string) =>
      app.request('/api/v1/organizations', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    const closed = await buildTestApp();
    expect((await preflight(closed.app, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const open = await buildTestApp({ env: { CORS_ORIGINS: 'https://portal.example.com' } });
    expect((await preflight(open.app, 'https://portal.example.com')).headers.get('access-control-allow-origin')).toBe('https://portal.example.com');
    expect((await preflight(open.app, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves Prometheus metrics by route template behind their own token, never a respondent link', async () => {
    const off = await buildTestApp();
    expect((await off.app.request('/metrics')).status).toBe(404);
    const t = await buildTestApp({ env: { METRICS_TOKEN } });
    const { token, assessmentId } = await t.setup();
    const [link] = await t.invite(token, assessmentId);
    await t.call('POST', `/api/v1/respond/${link.token}/submit`, { json: { answers: { 'org.know': 3 } } });
    await t.call('GET', `/api/v1/assessments/${assessmentId}/results`, { token });
    expect((await t.app.request('/metrics')).status).toBe(401);
    expect((await t.app.request('/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789abcdef' } })).status).toBe(401);
    const res = await t.app.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/mehvar_http_requests_total\{method="GET",route="\/api\/v1\/assessments\/:id\/results",status="200"\} 1/);
    expect(text).toContain('mehvar_http_request_duration_seconds_bucket');
    expect(text).toMatch(/mehvar_submissions_total 1/);
    expect(text).toMatch(/mehvar_db_up 1/);
    expect(text).toContain('mehvar_report_jobs');
    expect(text).not.toContain(link.token);
  });
});
