import type { Organization } from '../../domain/records.js';
import type { Lang } from '../shared/i18n.js';
import { Csrf, ErrorSummary, Field, SelectField, type FormState } from './fields.js';
import { href } from './format.js';
import { JalaliDateField } from './jalaliField.js';
import { MESSAGES } from './messages.js';
import type { AssessmentRow } from './organizations.js';

// The organization page's two forms: choosing assessments to compare (GET) and creating an assessment (POST).

export function CompareForm({ lang, org, rows }: { lang: Lang; org: Organization; rows: AssessmentRow[] }) {
  const t = MESSAGES[lang].org;
  return (
    <section class="card">
      <h2>{t.compareTitle}</h2>
      <form method="get" action={`/app/organizations/${org.id}/compare`} class="stack">
        {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
        <fieldset class="field">
          <legend class="sr-only">{t.compareTitle}</legend>
          <p class="hint">{t.compareHint}</p>
          {rows.map(({ a }) => (
            <label>
              <input type="checkbox" name="assessments" value={a.id} /> <bdi>{a.title}</bdi>
            </label>
          ))}
        </fieldset>
        <div class="buttons">
          <button type="submit">{t.compare}</button>
        </div>
      </form>
    </section>
  );
}

export function AssessmentForm({ lang, csrf, orgId, questionnaires, form, now }: { lang: Lang; csrf: string; orgId: string; questionnaires: Array<{ value: string; label: string }>; form: FormState; now: Date }) {
  const t = MESSAGES[lang].org;
  return (
    <section class="card" id="new-assessment">
      <h2>{t.newAssessment}</h2>
      <ErrorSummary lang={lang} form={form} />
      <form class="stack" method="post" action={`${href(`/app/organizations/${orgId}/assessments`, lang)}#new-assessment`}>
        <Csrf value={csrf} />
        <Field form={form} name="title" label={t.title} required maxlength={600} />
        <SelectField form={form} name="questionnaire" label={t.questionnaire} options={questionnaires} />
        <Field form={form} name="anonymityThreshold" label={t.threshold} hint={t.thresholdHint} type="number" />
        <TargetsFieldset lang={lang} form={form} />
        <JalaliDateField lang={lang} form={form} name="closesOn" label={t.closesAt} hint={t.closesAtHint} now={now} />
        <div class="buttons">
          <button class="primary" type="submit">
            {t.create}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Target scores per dimension, three short boxes under one legend (new and edited assessments). */
export function TargetsFieldset({ lang, form }: { lang: Lang; form: FormState }) {
  const t = MESSAGES[lang].org;
  const dims = lang === 'fa' ? { culture: 'فرهنگ', process: 'فرایند', interaction: 'تعامل' } : { culture: 'Culture', process: 'Process', interaction: 'Interaction' };
  const targetError = form.errors.targetCulture ?? form.errors.targetProcess ?? form.errors.targetInteraction;
  return (
    <fieldset class="field">
      <legend>{t.targets}</legend>
      <p class="hint">{t.targetsHint}</p>
      <div class="triple">
        {(['culture', 'process', 'interaction'] as const).map((d) => {
          const name = `target${d[0].toUpperCase()}${d.slice(1)}`;
          return (
            <div class="field">
              <label for={`f-${name}`}>{dims[d]}</label>
              <input type="text" id={`f-${name}`} name={name} maxlength={20} inputmode="decimal" value={form.values[name] ?? ''} aria-invalid={form.errors[name] ? 'true' : undefined} />
            </div>
          );
        })}
      </div>
      {targetError ? <p class="field-error">{targetError}</p> : null}
    </fieldset>
  );
}
