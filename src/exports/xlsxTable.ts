import type ExcelJS from 'exceljs';

// One sheet = one table under a frozen header row. Cells hold numbers as numbers (with a number format,
// so the reader's spreadsheet does its own rounding and digits) and text as text: exceljs writes strings
// as strings, never as formulas, so user text cannot execute.

export type Cell = string | number | null;

export interface Column {
  label: string;
  width: number;
  /** Excel number format for the column's numbers. */
  numFmt?: string;
  wrap?: boolean;
}

export const FMT = { score: '0.0', count: '0', percent: '0%', coefficient: '0.00', signed: '+0.0;-0.0;0.0' } as const;

/** Printed on A4 landscape, as wide as the page, the header row repeated on every page. */
export const PRINT: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };

/** A sheet in the workbook's direction, its first row frozen as the header. */
export function addTableSheet(wb: ExcelJS.Workbook, name: string, rtl: boolean, columns: Column[], rows: Cell[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, rightToLeft: rtl }], pageSetup: PRINT });
  ws.pageSetup.printTitlesRow = '1:1';
  ws.columns = columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = ws.addRow(columns.map((c) => c.label));
  header.font = { bold: true };
  // Room for a header wrapped on three lines: spreadsheets do not grow a row to fit on their own.
  header.height = 44;
  header.alignment = { vertical: 'middle', wrapText: true, readingOrder: rtl ? 'rtl' : 'ltr' };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  for (const values of rows) {
    const row = ws.addRow(values.map((v) => v ?? null));
    // Every cell at the top, so a row grown for wrapped text keeps its figures level with its first line.
    row.alignment = { vertical: 'top' };
    let lines = 1;
    columns.forEach((c, i) => {
      if (!c.wrap) return;
      row.getCell(i + 1).alignment = { wrapText: true, vertical: 'top', readingOrder: rtl ? 'rtl' : 'ltr' };
      lines = Math.max(lines, linesOf(values[i], c.width));
    });
    // Neither Excel nor LibreOffice grows a row to fit wrapped text when it opens a file: give it the height.
    if (lines > 1) row.height = lines * LINE_HEIGHT + 2;
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

/** A line of explanation under a table, spanning its width. */
export function addNote(ws: ExcelJS.Worksheet, text: string, span: number, rtl: boolean): void {
  ws.addRow([]);
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, Math.max(1, span));
  row.getCell(1).alignment = { wrapText: true, vertical: 'top', readingOrder: rtl ? 'rtl' : 'ltr' };
  row.getCell(1).font = { italic: true, color: { argb: 'FF5A6470' } };
  row.height = 32;
}

const LINE_HEIGHT = 15;

/** About how many lines a text takes in a column `width` characters wide (a width counts digit widths). */
function linesOf(value: Cell, width: number): number {
  if (typeof value !== 'string') return 1;
  return value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil((part.length * 1.05) / Math.max(1, width - 1))), 0);
}
