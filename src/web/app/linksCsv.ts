import { stringify } from 'csv-stringify/sync';
import { neutralizeCell } from '../../exports/csv.js';

export interface NewLink {
  url: string;
  role: 'manager' | 'staff';
  department: string | null;
}

/** Excel reads UTF-8 (and so Persian department names) correctly only with a byte-order mark. */
const BOM = '\uFEFF';

/**
 * The links just created, one row each. The department is user text, so a value a spreadsheet would run as a
 * formula is neutralized exactly as in the results exports.
 */
export function linksCsv(links: NewLink[]): string {
  const rows = links.map((l) => [l.url, l.role, l.department === null ? '' : neutralizeCell(l.department)]);
  return BOM + stringify([['url', 'role', 'department'], ...rows], { record_delimiter: '\r\n' });
}

/**
 * The same CSV as a data: URL for a download link, so the page that shows the links (which exist nowhere
 * else: only their hashes are stored) can offer them as a file without JavaScript and without a second request.
 */
export function linksCsvDataUrl(links: NewLink[]): string {
  return `data:text/csv;charset=utf-8;base64,${Buffer.from(linksCsv(links), 'utf8').toString('base64')}`;
}

export function linksCsvName(assessmentId: string, now: Date): string {
  return `mehvar-links-${assessmentId.slice(0, 8)}-${now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.csv`;
}
