import type { Child } from 'hono/jsx';
import type { Lang } from '../shared/i18n.js';
import { MESSAGES } from './messages.js';

/** What a form shows again after a failed post: the typed values and one message per bad field. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });

const describedBy = (name: string, hint: boolean, error: boolean) =>
  [hint && `f-${name}-hint`, error && `f-${name}-err`].filter(Boolean).join(' ') || undefined;

export function Csrf({ value }: { value: string }) {
  return <input type="hidden" name="csrf" value={value} />;
}

export interface FieldProps {
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  type?: 'text' | 'number' | 'date' | 'password';
  required?: boolean;
  maxlength?: number;
  dir?: 'ltr' | 'rtl' | 'auto';
  autocomplete?: string;
}

/**
 * A labelled input with its hint and error tied to it (aria-describedby), keeping what was typed. Numbers are
 * text inputs with a numeric keyboard, so they can show and accept Persian digits (the server reads both).
 */
export function Field({ form, name, label, hint, type = 'text', required, maxlength, dir, autocomplete }: FieldProps) {
  const error = form.errors[name];
  const numeric = type === 'number';
  return (
    <div class="field">
      <label for={`f-${name}`}>{label}</label>
      {hint ? (
        <p class="hint" id={`f-${name}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        type={numeric ? 'text' : type}
        id={`f-${name}`}
        name={name}
        value={form.values[name] ?? ''}
        required={required}
        maxlength={numeric ? 20 : maxlength}
        dir={dir}
        autocomplete={autocomplete ?? 'off'}
        inputmode={numeric ? 'numeric' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, Boolean(hint), Boolean(error))}
      />
      {error ? (
        <p class="field-error" id={`f-${name}-err`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField({ form, name, label, hint, options }: { form: FormState; name: string; label: string; hint?: string; options: Array<{ value: string; label: string }> }) {
  const error = form.errors[name];
  const chosen = form.values[name] ?? options[0]?.value;
  return (
    <div class="field">
      <label for={`f-${name}`}>{label}</label>
      {hint ? (
        <p class="hint" id={`f-${name}-hint`}>
          {hint}
        </p>
      ) : null}
      <select id={`f-${name}`} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(name, Boolean(hint), Boolean(error))}>
        {options.map((o) => (
          <option value={o.value} selected={o.value === chosen}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p class="field-error" id={`f-${name}-err`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The list of problems at the top of a form that came back, each linking to its field. */
export function ErrorSummary({ lang, form }: { lang: Lang; form: FormState }) {
  const entries = Object.entries(form.errors);
  if (!entries.length) return null;
  return (
    <div class="errors" role="alert">
      <h2>{MESSAGES[lang].form.errorsHeading}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li>
            <a href={`#f-${name}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Facts({ rows }: { rows: Array<[string, Child] | null | false> }) {
  return (
    <dl class="facts">
      {rows.filter((r): r is [string, Child] => Boolean(r)).map(([k, v]) => (
        <div>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
