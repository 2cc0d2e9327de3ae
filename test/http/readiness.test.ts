import { afterAll, describe, expect, it } from 'vitest';
import { closeReportPool, warmReportPool } from '../../src/reports/worker/pool.js';
import { buildTestApp } from '../helpers.js';

// Issue 14: the first report after a start waited seconds behind the report threads' warm-up, and nothing
// told a load balancer or deploy script to wait. /healthz says the process is alive; /readyz says whether
// a report asked for now is drawn by warm threads.

afterAll(() => closeReportPool());

describe('GET /readyz', () => {
  it('answers 503 with Retry-After while the report threads warm up, and 200 once they are warm', async () => {
    const t = await buildTestApp();
    let finishWarmUp!: () => void;
    const warmUp = warmReportPool(() => new Promise((resolve) => (finishWarmUp = () => resolve([]))));
    // The pool starts first; the warm-up job is asked for once it has.
    for (let i = 0; i < 400 && !finishWarmUp; i++) await new Promise((r) => setTimeout(r, 10));

    const during = await t.app.request('/readyz');
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBe('1');
    expect(during.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await t.app.request('/healthz')).status).toBe(200);

    finishWarmUp();
    await warmUp;
    const after = await t.app.request('/readyz');
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ status: 'ready' });
  });
});
