import { describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../helpers.js';

// Issue 15, defect 9: a 100,000-row import was parsed and checked in one piece, holding the event loop for
// seconds, so every other request (respondents saving, /healthz for the load balancer) waited behind it.
// Ordering, not timing: a request asked for once the import is running must be answered before it ends.

const ROWS = 20_000;

/** Whether the rows are being stored now, and what a request that needs no database saw while they were. */
const storing = vi.hoisted(() => ({ now: false, pageAnsweredWhileStoring: null as boolean | null, probe: null as null | (() => Promise<unknown>) }));
vi.mock('../../src/repositories/responses.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/repositories/responses.js')>();
  return {
    ...original,
    insertImportedResponses: async (...args: Parameters<typeof original.insertImportedResponses>) => {
      const probe = storing.probe;
      if (probe) setImmediate(() => void probe().then(() => (storing.pageAnsweredWhileStoring = storing.now)));
      storing.now = true;
      try {
        return await original.insertImportedResponses(...args);
      } finally {
        storing.now = false;
      }
    },
  };
});
const ITEMS = ['org.know', 'org.values', 'org.bureaucracy', 'cust.service', 'cust.contact', 'cust.process'];

async function whileImporting(body: string, type: string) {
  const t = await buildTestApp({ env: { MAX_IMPORT_BYTES: String(10_000_000) } });
  const { token, assessmentId } = await t.setup();
  const order: string[] = [];
  const importing = t.call('POST', `/api/v1/assessments/${assessmentId}/responses/import`, { token, body, type }).then((res) => {
    order.push('import');
    return res;
  });
  // The next turn of the event loop: the import has started, and only gives the loop back if it paces itself.
  const health = new Promise((resolve) => setImmediate(resolve)).then(async () => {
    const res = await t.app.request('/healthz');
    order.push('healthz');
    return res;
  });
  const [imported, healthz] = await Promise.all([importing, health]);
  const stored = await t.db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { order, imported, healthz: healthz.status, stored: Number(stored.n) };
}

describe('large imports share the event loop', () => {
  it(`answers /healthz before a ${ROWS}-row CSV import finishes, and still imports every row`, async () => {
    const csv = [`role,department,${ITEMS.join(',')}`, ...Array.from({ length: ROWS }, (_, i) => `staff,فروش,${ITEMS.map((_, j) => ((i + j) % 5) + 1).join(',')}`)].join('\n');
    const r = await whileImporting(csv, 'text/csv');
    expect(r.imported.status).toBe(201);
    expect(r.healthz).toBe(200);
    expect(r.stored).toBe(ROWS);
    expect(r.order).toEqual(['healthz', 'import']);
  });

  it(`answers /healthz before a ${ROWS}-row JSON import finishes, and still imports every row`, async () => {
    const responses = Array.from({ length: ROWS }, (_, i) => ({ role: 'staff', department: 'فروش', answers: Object.fromEntries(ITEMS.map((id, j) => [id, ((i + j) % 5) + 1])) }));
    const r = await whileImporting(JSON.stringify({ responses }), 'application/json');
    expect(r.imported.status).toBe(201);
    expect(r.stored).toBe(ROWS);
    expect(r.order).toEqual(['healthz', 'import']);
  });

  // Storing was one piece too: 100,000 rows held the loop for 3.4 s (7 s on a larger database) from outside.
  it(`answers a page that needs no database while the ${ROWS} rows are being stored`, async () => {
    const t = await buildTestApp({ env: { MAX_IMPORT_BYTES: String(10_000_000) } });
    const { token, assessmentId } = await t.setup();
    storing.probe = () => t.app.request('/docs');
    const responses = Array.from({ length: ROWS }, (_, i) => ({ role: 'staff', answers: Object.fromEntries(ITEMS.map((id, j) => [id, ((i + j) % 5) + 1])) }));
    const res = await t.call('POST', `/api/v1/assessments/${assessmentId}/responses/import`, { token, json: { responses } });
    storing.probe = null;
    expect(res.status).toBe(201);
    await new Promise((r) => setTimeout(r, 50));
    expect(storing.pageAnsweredWhileStoring).toBe(true);
    const stored = await t.db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(ROWS);
  });

  it('stays all or nothing: one bad row among many stores none', async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => `staff,,${i === ROWS - 1 ? 9 : 3},,,,,`);
    const r = await whileImporting([`role,department,${ITEMS.join(',')}`, ...rows].join('\n'), 'text/csv');
    expect(r.imported.status).toBe(422);
    expect(r.imported.data.errors).toEqual([{ path: `row ${ROWS + 1}, column org.know`, message: 'must be between 1 and 5, or null ("don\'t know")' }]);
    expect(r.stored).toBe(0);
  });
});
