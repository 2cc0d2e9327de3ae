import type { Lang } from '../shared/i18n.js';
import type { FormState } from './fields.js';
import { fmtFor } from './format.js';
import { fromJalali, toJalali } from './jalaliDate.js';
import { TIME_ZONE } from './format.js';

const MONTHS: Record<Lang, string[]> = {
  fa: ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'],
  en: ['Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar', 'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand'],
};

/** Today's ISO day in Tehran, where closing dates end. */
export function tehranToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}

/** The select values that show an ISO day (or a stored ISO time, read in Tehran) in the picker. */
export function jalaliValues(name: string, iso: string | null): Record<string, string> {
  if (!iso) return {};
  const day = iso.length > 10 ? new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(iso)) : iso;
  const j = toJalali(day);
  return { [`${name}Year`]: String(j.year), [`${name}Month`]: String(j.month), [`${name}Day`]: String(j.day) };
}

export type PickedDay = { ok: true; day: string | null } | { ok: false };

/**
 * Reads the picker: all three selects empty is "no date"; all three set must name a real Jalali day
 * (Esfand 30 only in a leap year), which becomes the Gregorian ISO day. A plain `name` field holding an ISO
 * day (a form posted by a program) is read as it is.
 */
export function readJalaliField(values: Record<string, string>, name: string): PickedDay {
  const plain = values[name]?.trim();
  if (plain) return /^\d{4}-\d{2}-\d{2}$/.test(plain) ? { ok: true, day: plain } : { ok: false };
  const [y, m, d] = ['Year', 'Month', 'Day'].map((s) => values[`${name}${s}`]?.trim() ?? '');
  if (!y && !m && !d) return { ok: true, day: null };
  const day = fromJalali({ year: Number(y), month: Number(m), day: Number(d) });
  return day ? { ok: true, day } : { ok: false };
}

interface Props {
  lang: Lang;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  now: Date;
  /** "No date" as the first choice of each select. */
  optional?: boolean;
}

/**
 * A Jalali day as three selects (year, month, day) inside one fieldset: no script, one tap per part on a
 * phone, Persian digits and month names in fa. The server converts it (readJalaliField).
 */
export function JalaliDateField({ lang, form, name, label, hint, now, optional = true }: Props) {
  const f = fmtFor(lang);
  const error = form.errors[name];
  const thisYear = toJalali(tehranToday(now)).year;
  const chosenYear = Number(form.values[`${name}Year`]);
  const years = Array.from({ length: 6 }, (_, i) => thisYear + i);
  if (chosenYear && !years.includes(chosenYear)) years.push(chosenYear);
  const none = lang === 'fa' ? '—' : '—';
  const sel = (part: string, options: Array<[string, string]>, aria: string) => (
    <select id={`f-${name}${part}`} name={`${name}${part}`} aria-label={aria} aria-invalid={error ? 'true' : undefined} aria-describedby={[hint && `f-${name}-hint`, error && `f-${name}-err`].filter(Boolean).join(' ') || undefined}>
      {optional ? <option value="">{none}</option> : null}
      {options.map(([v, l]) => (
        <option value={v} selected={form.values[`${name}${part}`] === v}>
          {l}
        </option>
      ))}
    </select>
  );
  const words = lang === 'fa' ? { day: 'روز', month: 'ماه', year: 'سال' } : { day: 'Day', month: 'Month', year: 'Year' };
  return (
    <fieldset class="field jalali" id={`f-${name}`}>
      <legend>{label}</legend>
      {hint ? (
        <p class="hint" id={`f-${name}-hint`}>
          {hint}
        </p>
      ) : null}
      <div class="date-parts">
        {sel('Day', Array.from({ length: 31 }, (_, i) => [String(i + 1), f.count(i + 1)]), words.day)}
        {sel('Month', MONTHS[lang].map((m, i) => [String(i + 1), m]), words.month)}
        {sel('Year', years.map((y) => [String(y), lang === 'fa' ? new Intl.NumberFormat('fa-IR', { useGrouping: false }).format(y) : String(y)]), words.year)}
      </div>
      {error ? (
        <p class="field-error" id={`f-${name}-err`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
