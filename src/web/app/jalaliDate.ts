// The closing date is picked as a Jalali year, month and day (three selects that work without JavaScript)
// and stored as a Gregorian ISO day. The conversion leans on the platform's Persian calendar (ICU, the same
// one every Jalali date on the dashboard is printed with), so picker and display can never disagree.

export interface JalaliDay {
  year: number;
  month: number;
  day: number;
}

const parts = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
const DAY_MS = 86_400_000;

/** The Jalali day of a Gregorian ISO day ("2026-03-21" → 1405/1/1). */
export function toJalali(isoDay: string): JalaliDay {
  const p = Object.fromEntries(parts.formatToParts(new Date(`${isoDay}T12:00:00Z`)).map((x) => [x.type, x.value]));
  return { year: Number.parseInt(p.year, 10), month: Number(p.month), day: Number(p.day) };
}

const before = (a: JalaliDay, b: JalaliDay) => a.year - b.year || a.month - b.month || a.day - b.day;

/**
 * The Gregorian ISO day of a Jalali day, or undefined when there is no such day (Esfand 30 outside a leap
 * year, month 13). Starts from the year's approximate Nowruz and walks to the exact day.
 */
export function fromJalali(j: JalaliDay): string | undefined {
  if (!Number.isInteger(j.year) || !Number.isInteger(j.month) || !Number.isInteger(j.day)) return undefined;
  if (j.year < 1300 || j.year > 1500 || j.month < 1 || j.month > 12 || j.day < 1 || j.day > (j.month <= 6 ? 31 : 30)) return undefined;
  const offset = j.month <= 6 ? (j.month - 1) * 31 : 186 + (j.month - 7) * 30;
  let t = Date.UTC(j.year + 621, 2, 21) + (offset + j.day - 1) * DAY_MS;
  for (let step = 0; step < 4; step++) {
    const iso = new Date(t).toISOString().slice(0, 10);
    const c = before(toJalali(iso), j);
    if (c === 0) return iso;
    t += c < 0 ? DAY_MS : -DAY_MS;
  }
  return undefined;
}

/** Days in a Jalali month: 31 for the first six, 30 after, Esfand 29 or (leap year) 30. */
export function monthLength(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month < 12) return 30;
  return fromJalali({ year, month: 12, day: 30 }) ? 30 : 29;
}
