import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellOf, discloseRows, exportOrder, flaggedExclusion, hiddenSmallGroups, labelRelease, planRelease, thickScores, withheldThinScores, type Label, type RawRow } from '../../src/domain/anonymity.js';

type Role = 'manager' | 'staff';
const many = (n: number, role: Role, department: string | null = null): Label[] => Array.from({ length: n }, () => ({ role, department }));
/** Label combinations with their counts, as a reader of the export would tally them. */
const tally = (labels: Label[]) => {
  const m: Record<string, number> = {};
  for (const l of labels) m[`${l.role ?? '-'}|${l.department ?? '-'}`] = (m[`${l.role ?? '-'}|${l.department ?? '-'}`] ?? 0) + 1;
  return m;
};

describe('labelRelease: which role and department a row may show', () => {
  it('generalizes nothing when every combination has k or more', () => {
    expect(tally(labelRelease([...many(5, 'staff', 'A'), ...many(6, 'manager', 'A'), ...many(5, 'staff')], 5))).toEqual({ 'staff|A': 5, 'manager|A': 6, 'staff|-': 5 });
  });

  it('hides two small departments and then the next smallest, until the hidden total reaches k', () => {
    // C (2) and D (2) hold 4 < 5 together: B (5, smaller than A) is hidden with them.
    const labels = labelRelease([...many(6, 'staff', 'A'), ...many(5, 'staff', 'B'), ...many(2, 'staff', 'C'), ...many(2, 'staff', 'D')], 5);
    expect(tally(labels)).toEqual({ 'staff|A': 6, 'staff|-': 9 });
  });

  it('treats respondents without a department as a group: one of them hides the next smallest department', () => {
    // A and B tie at 6: the name decides, in code-unit order.
    expect(tally(labelRelease([...many(6, 'staff', 'B'), ...many(6, 'staff', 'A'), ...many(1, 'staff')], 5))).toEqual({ 'staff|B': 6, 'staff|-': 7 });
  });

  it('hides the department of the only manager of a department, not the fact that they are a manager', () => {
    const labels = labelRelease([...many(1, 'manager', 'S'), ...many(6, 'staff', 'S'), ...many(5, 'manager', 'F'), ...many(5, 'staff', 'F')], 5);
    // manager|S (1) loses S and joins no manager without a department; the smallest manager department, F,
    // follows; then every shown combination has at least 5.
    expect(tally(labels)).toEqual({ 'staff|S': 6, 'staff|F': 5, 'manager|-': 6 });
  });

  it('hides the role too when a role has fewer than k in all', () => {
    expect(tally(labelRelease([...many(2, 'manager'), ...many(9, 'staff', 'A')], 5))).toEqual({ '-|-': 11 });
    expect(tally(labelRelease([...many(2, 'manager'), ...many(9, 'staff', 'A'), ...many(5, 'staff')], 5))).toEqual({ 'staff|A': 9, '-|-': 7 });
  });

  it('hides everything in a release smaller than k (a final one)', () => {
    expect(tally(labelRelease(many(3, 'staff', 'A'), 5))).toEqual({ '-|-': 3 });
  });
});

describe('planRelease: when waiting submissions enter the figures', () => {
  it.each([
    [{ pending: 4, lastRelease: 0, closed: false, k: 5 }, { release: false }],
    [{ pending: 5, lastRelease: 0, closed: false, k: 5 }, { release: true, number: 1 }],
    [{ pending: 4, lastRelease: 2, closed: false, k: 5 }, { release: false }],
    [{ pending: 7, lastRelease: 2, closed: false, k: 5 }, { release: true, number: 3 }],
    // Closed, nothing ever shown: all of them, even below k (then only counts are shown).
    [{ pending: 3, lastRelease: 0, closed: true, k: 5 }, { release: true, number: 1 }],
    // Closed after earlier figures: 1..k−1 would be read off the difference, so they stay out.
    [{ pending: 3, lastRelease: 1, closed: true, k: 5 }, { release: false }],
    [{ pending: 5, lastRelease: 1, closed: true, k: 5 }, { release: true, number: 2 }],
    [{ pending: 0, lastRelease: 1, closed: true, k: 5 }, { release: false }],
  ])('%o → %o', (state, decision) => {
    expect(planRelease(state)).toEqual(decision);
  });
});

const row = (id: string, role: Role, department: string | null, release: number | null, flat = false) => ({
  id,
  role,
  department,
  release,
  answers: flat ? new Array(10).fill(3) : [1, 2, 3, 4, 5, 1, 2, 3, 4, 5],
});

describe('discloseRows', () => {
  it('shows nothing below k released, and says how many more the next update needs', () => {
    const d = discloseRows([row('a', 'staff', null, 1), row('b', 'staff', null, 1), row('c', 'staff', null, null)], 5, false);
    expect(d.rows).toEqual([]);
    expect(d.snapshot).toEqual({ submitted: 3, inFigures: 0, figuresShown: false, pending: 1, nextUpdateAfter: 4, final: false, k: 5 });
  });

  it('labels each release on its own, so a later release never changes what an earlier one showed', () => {
    const first = Array.from({ length: 5 }, (_, i) => row(`a${i}`, 'staff', 'A', 1));
    const second = [...Array.from({ length: 4 }, (_, i) => row(`b${i}`, 'staff', 'A', 2)), row('b4', 'manager', 'A', 2)];
    const d = discloseRows([...first, ...second], 5, false);
    expect(d.rows.filter((r) => r.row.release === 1).every((r) => r.label.department === 'A' && r.label.role === 'staff')).toBe(true);
    // Release 2 has 4 staff and 1 manager of A: together they may only show as five without role or department.
    expect(d.rows.filter((r) => r.row.release === 2).every((r) => r.label.department === null && r.label.role === null)).toBe(true);
    expect(d.departments).toEqual(['A']);
  });
});

describe('flaggedExclusion', () => {
  const ten = (flagged: number) => Array.from({ length: 10 }, (_, i) => row(`r${i}`, 'staff', null, 1, i < flagged));
  const disclosed = (rows: ReturnType<typeof ten>) => discloseRows(rows, 5, false).rows;
  it('allows leaving out none or k and more per cell, refuses 1..k−1', () => {
    expect(flaggedExclusion(disclosed(ten(0)), 5)).toEqual({ allowed: true, removed: 0 });
    expect(flaggedExclusion(disclosed(ten(5)), 5)).toEqual({ allowed: true, removed: 5 });
    expect(flaggedExclusion(disclosed(ten(1)), 5)).toMatchObject({ allowed: false, removed: 1 });
    // 6 flagged leave 4 behind: the remaining view would describe 4 people.
    expect(flaggedExclusion(disclosed(ten(6)), 5)).toMatchObject({ allowed: false, removed: 6 });
  });

  it('refuses when the flagged among a score group\'s respondents are 1..k−1, though 0 or ≥ k of the cell', () => {
    // Five flagged and five kept; all five kept and two of the flagged have a score for the one score group:
    // with them 7, without 5, so the two views' scores differ by those two.
    const rows = disclosed(ten(5));
    const flags = Uint8Array.from(rows, (d) => (!d.row.answers.every((a) => a === 3) || ['r0', 'r1'].includes(d.row.id) ? 1 : 0));
    expect(flaggedExclusion(rows, 5, { flags, slots: 1 })).toMatchObject({ allowed: false, removed: 5 });
    expect(flaggedExclusion(rows, 5, { flags: Uint8Array.from(rows, () => 1), slots: 1 })).toMatchObject({ allowed: true, removed: 5 });
  });
});

describe('withheldThinScores', () => {
  it('withholds a score group held by 1..k−1 of a cell, per release and label', () => {
    const rows = [...Array.from({ length: 6 }, (_, i) => row(`a${i}`, 'staff', 'A', 1)), ...Array.from({ length: 5 }, (_, i) => row(`b${i}`, 'staff', 'A', 2))];
    const d = discloseRows(rows, 5, false).rows;
    // Release 1: five of six have a score (kept); release 2: one of five has one (withheld).
    const scores = d.map((x) => (x.row.release === 1 ? (x.row.id === 'a0' ? null : 50) : x.row.id === 'b0' ? 90 : null));
    expect(thickScores(d.map(cellOf), scores, 5)).toEqual([50, 50, 50, 50, 50]);
    expect([...withheldThinScores(['x', 'x', 'y'], Uint8Array.from([1, 0, 1, 1, 1, 1]), 2, 2)]).toEqual([0, 0, 0, 1, 1, 1]);
  });
});

describe('hiddenSmallGroups (counts per department)', () => {
  const sizes = (groups: Record<string, number>, k: number) =>
    [...hiddenSmallGroups(Object.keys(groups), (g) => groups[g], k, (a, b) => (a < b ? -1 : 1))].sort();
  it('hides the groups under k, then the next smallest until the hidden hold 0 or k or more', () => {
    expect(sizes({ A: 9, B: 6, C: 2, D: 2 }, 5)).toEqual(['B', 'C', 'D']);
    expect(sizes({ A: 9, B: 6, C: 3, D: 2 }, 5)).toEqual(['C', 'D']);
    expect(sizes({ A: 9, B: 6 }, 5)).toEqual([]);
    expect(sizes({ A: 3 }, 5)).toEqual(['A']);
  });
});

describe('exportOrder', () => {
  it('depends on the ids and the assessment only', () => {
    const rows = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ row: { id } }));
    const once = exportOrder('x', rows).map((r) => r.row.id);
    expect(exportOrder('x', [...rows].reverse()).map((r) => r.row.id)).toEqual(once);
    expect(exportOrder('y', rows).map((r) => r.row.id)).not.toEqual(once);
  });
});

/**
 * The principle as a property. A random assessment: submissions with random role, department (or none)
 * and straight-lining, read at random moments (each read may release), maybe closed at the end. Every
 * set of respondents a reader can obtain — overall, each shown role and department group, each label
 * combination of the row export, with and without the flagged where allowed, at every read — is
 * collected; so are, as figures of their own kind, the same sets restricted to the respondents with a
 * score for a group of items (a dimension: those who answered two-thirds of it), after thin cells are
 * withheld. Anything computable from figures of one kind by sums and differences is a union of that
 * kind's "atoms": the respondents that belong to exactly the same obtained sets. No atom may hold 1..k−1
 * respondents.
 */
describe('property: no combination of obtainable results describes 1..k−1 respondents', () => {
  const event = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('submit' as const), role: fc.constantFrom<Role>('manager', 'staff', 'staff'), department: fc.constantFrom('A', 'B', 'C', null), flat: fc.boolean({ probability: 0.2 } as never), scored: fc.boolean({ probability: 0.7 } as never) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('read' as const) }) },
  );

  it('holds for random assessments', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.array(event, { minLength: 1, maxLength: 60 }), fc.boolean(), (k, events, close) => {
        const rows: Array<RawRow & { answers: number[]; scored: boolean }> = [];
        const obtained: Record<'respondents' | 'dimension', Set<string>[]> = { respondents: [], dimension: [] };
        const read = (closed: boolean) => {
          const pending = rows.filter((r) => r.release === null).length;
          const last = Math.max(0, ...rows.map((r) => r.release ?? 0));
          const decision = planRelease({ pending, lastRelease: last, closed, k });
          if (decision.release) for (const r of rows) if (r.release === null) r.release = decision.number;
          const d = discloseRows(rows, k, closed);
          if (!d.snapshot.figuresShown) return;
          const views = [d.rows];
          if (flaggedExclusion(d.rows, k, { flags: Uint8Array.from(d.rows, (x) => (x.row.scored ? 1 : 0)), slots: 1 }).allowed) views.push(d.rows.filter((r) => !r.row.answers.every((a) => a === 3)));
          for (const view of views) {
            const sets = new Map<string, Set<string>>();
            const add = (key: string, id: string) => (sets.get(key) ?? sets.set(key, new Set()).get(key)!).add(id);
            const thin = withheldThinScores(view.map(cellOf), Uint8Array.from(view, (d) => (d.row.scored ? 1 : 0)), 1, k);
            view.forEach(({ row: r, label }, i) => {
              for (const prefix of r.scored && !thin[i] ? ['', 'dimension:'] : ['']) {
                add(`${prefix}overall`, r.id);
                if (label.role) add(`${prefix}role:${label.role}`, r.id);
                if (label.department) add(`${prefix}dept:${label.department}`, r.id);
                add(`${prefix}combo:${label.role}|${label.department}`, r.id);
              }
            });
            for (const [key, set] of sets) obtained[key.startsWith('dimension:') ? 'dimension' : 'respondents'].push(set);
          }
        };
        let n = 0;
        for (const e of events) {
          if (e.kind === 'submit') {
            const answers = e.flat ? new Array(10).fill(3) : [1, 2, 3, 4, 5, 1, 2, 3, 4, (n % 5) + 1];
            rows.push({ id: `r${n++}`, role: e.role, department: e.department, release: null, answers, scored: e.scored });
          } else read(false);
        }
        if (close) read(true);
        for (const sets of Object.values(obtained)) {
          const atoms = new Map<string, number>();
          for (const r of rows) {
            const signature = sets.map((s) => (s.has(r.id) ? '1' : '0')).join('');
            if (signature.includes('1')) atoms.set(signature, (atoms.get(signature) ?? 0) + 1);
          }
          for (const size of atoms.values()) expect(size).toBeGreaterThanOrEqual(k);
        }
      }),
      { numRuns: 400 },
    );
  });
});
