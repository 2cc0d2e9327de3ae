import { describe, expect, it } from 'vitest';
import { type ActionLine, measuredActionsTable, openActionsTable } from '../../src/reports/model/actions.js';
import { createFmt } from '../../src/reports/model/format.js';

const line = (measure: Partial<NonNullable<ActionLine['measure']>> | null, extra: Partial<ActionLine> = {}): ActionLine => ({
  title: 'کوتاه‌کردن فرایند ثبت سفارش', target: 'فرایند', owner: 'مدیر عملیات', dueDate: '2027-04-01', status: 'doing', overdue: false,
  measure: measure && { status: 'measured', missingItems: [], from: 24.53, to: 40.71, delta: 16.18, ci95: [12.03, 20.33], p: 5.09e-10, d: 2.264, significant: true, tested: true, ...measure },
  ...extra,
});
const texts = (t: ReturnType<typeof measuredActionsTable>) => t.rows.map((r) => [...r.cells.map((c) => c.text), ...(r.note ? [r.note] : [])]);

describe('the action tables of the reports', () => {
  it('writes each figure of a change in the report’s digits, a tiny p as "< 0.001" kept on one line, a significant change in bold', () => {
    const [fa] = measuredActionsTable([line({})], createFmt('fa'), 'fa').rows;
    expect(fa.cells.slice(3).map((c) => c.text)).toEqual(['از ۲۴٫۵ به ۴۰٫۷', '\u200e+۱۶٫۲', '\u200e+۱۲٫۰ تا \u200e+۲۰٫۳', '<\u00a0۰٫۰۰۱', '۲٫۲۶']);
    expect(fa.emphasis).toBe(true);
    const [en] = measuredActionsTable([line({ p: 0.0042, significant: true })], createFmt('en'), 'en').rows;
    expect(en.cells.slice(3).map((c) => c.text)).toEqual(['24.5 to 40.7', '+16.2', '+12.0 to +20.3', '0.004', '2.26']);
  });

  it('says why a change is missing instead of showing one, naming items that are gone', () => {
    const rows = texts(measuredActionsTable([line({ status: 'itemsMissing', missingItems: ['cust.process'], delta: null }), line({ status: 'notDisclosed', delta: null }), line(null)], createFmt('en'), 'en'));
    expect(rows[0][1]).toBe('Items cust.process are not in the other questionnaire version; the change is not guessed.');
    expect(rows[1][1]).toMatch(/fewer responses in its figures than the anonymity threshold/);
    expect(rows[2][1]).toBe('No later assessment yet.');
  });

  it('lists open actions with a Jalali due date in fa and marks overdue ones', () => {
    const t = openActionsTable([line(null, { overdue: true })], createFmt('fa'), 'fa');
    const [row] = t.rows;
    expect(row.cells[3].text).toBe('۱۲ فروردین ۱۴۰۶');
    expect(row.cells[4].text).toBe('در حال انجام (از موعد گذشته)');
    expect(row.emphasis).toBe(true);
  });
});
