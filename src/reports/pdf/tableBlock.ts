import type { DirectedText, Table, TableRow } from '../model/types.js';
import { CONTENT, GAP, SIZE, type Layout } from './layout.js';
import { palette } from './palette.js';

const PAD_X = 5;
const PAD_Y = 3.5;
const HEADER_SIZE = SIZE.tiny + 0.5;

export interface TableOptions {
  size?: number;
  /** Total width, from the start side; the content width by default. */
  width?: number;
}

interface Cell {
  text: DirectedText;
  width: number;
  note: boolean;
  numeric: boolean;
}

interface Measured {
  width: number;
  widths: number[];
  offsets: number[];
  headerHeight: number;
  rows: { row: TableRow; cells: Cell[]; height: number }[];
}

/** Height the whole table takes, header included: to keep it with what introduces it. */
export function tableHeight(l: Layout, table: Table, opts: TableOptions = {}): number {
  const m = measure(l, table, opts);
  return m.headerHeight + m.rows.reduce((sum, r) => sum + r.height, 0);
}

/**
 * A table whose first column sits on the start side (the right in a right-to-left report). Rows never
 * split across pages; the header row is repeated on every page the table reaches. A row with a `note`
 * (a suppressed group) shows its first cell and the note across the other columns, and nothing else.
 */
export function drawTable(l: Layout, table: Table, opts: TableOptions = {}): void {
  const size = opts.size ?? SIZE.small;
  const m = measure(l, table, opts);
  const x = l.xAt(0, m.width);
  const drawHeader = () => {
    if (m.headerHeight === 0) return;
    fill(l, x, l.y, m.width, m.headerHeight, palette.primaryWash);
    table.columns.forEach((c, i) => {
      const w = m.widths[i] - 2 * PAD_X;
      l.textAt(c.label, l.xAt(m.offsets[i] + PAD_X, w), l.y + PAD_Y, w, {
        size: HEADER_SIZE, font: 'bold', color: palette.primaryDark, align: c.numeric ? 'center' : undefined,
      });
    });
    l.y += m.headerHeight;
  };

  l.ensure(m.headerHeight + (m.rows[0]?.height ?? 0));
  drawHeader();
  m.rows.forEach(({ row, cells, height }, r) => {
    if (l.y + height > CONTENT.bottom) {
      l.newPage();
      drawHeader();
    }
    if (r % 2 === 1) fill(l, x, l.y, m.width, height, palette.wash);
    let offset = 0;
    for (const cell of cells) {
      const w = cell.width - 2 * PAD_X;
      l.textAt(cell.text, l.xAt(offset + PAD_X, w), l.y + PAD_Y, w, {
        size,
        font: row.emphasis && !cell.note ? 'bold' : 'regular',
        color: cell.note ? palette.muted : palette.ink,
        align: cell.numeric || cell.note ? 'center' : undefined,
      });
      offset += cell.width;
    }
    l.y += height;
  });
  l.doc.save().moveTo(x, l.y).lineTo(x + m.width, l.y).lineWidth(0.6).strokeColor(palette.rule).stroke().restore();
  l.y += GAP.block;
}

function measure(l: Layout, table: Table, opts: TableOptions): Measured {
  const size = opts.size ?? SIZE.small;
  const width = opts.width ?? CONTENT.width;
  const total = table.columns.reduce((s, c) => s + c.weight, 0);
  const widths = table.columns.map((c) => (c.weight / total) * width);
  const offsets = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
  const headerHeight = table.columns.some((c) => c.label !== '')
    ? Math.max(...table.columns.map((c, i) => l.measure(c.label, widths[i] - 2 * PAD_X, { size: HEADER_SIZE, font: 'bold' }))) + 2 * PAD_Y
    : 0;
  const rows = table.rows.map((row) => {
    const cells = cellsOf(l, table, row, widths);
    const heights = cells.map((c) => l.measure(c.text, c.width - 2 * PAD_X, { size, font: row.emphasis && !c.note ? 'bold' : 'regular' }));
    return { row, cells, height: Math.max(...heights) + 2 * PAD_Y };
  });
  return { width, widths, offsets, headerHeight, rows };
}

function cellsOf(l: Layout, table: Table, row: TableRow, widths: number[]): Cell[] {
  if (row.note !== undefined) {
    const rest = widths.slice(1).reduce((a, b) => a + b, 0);
    return [
      { text: row.cells[0], width: widths[0], note: false, numeric: false },
      { text: { text: row.note, dir: l.dir }, width: rest, note: true, numeric: false },
    ];
  }
  return row.cells.map((text, i) => ({ text, width: widths[i], note: false, numeric: table.columns[i]?.numeric ?? false }));
}

function fill(l: Layout, x: number, y: number, w: number, h: number, color: string): void {
  l.doc.save().rect(x, y, w, h).fillColor(color).fill().restore();
}
