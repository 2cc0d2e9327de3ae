import type { Organization, User } from '../../domain/records.js';
import type { Lang } from '../shared/i18n.js';
import { AppPage } from './chrome.js';
import { Csrf, ErrorSummary, Field, SelectField, type FormState } from './fields.js';
import { href } from './format.js';
import { MANAGE } from './manageText.js';
import { MESSAGES } from './messages.js';
import { orgName } from './organizations.js';

export interface UsersPageProps {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
  orgs: Organization[];
  form: FormState;
  /** The account just created, with its token: shown on this answer only, never stored in plain. */
  created?: { name: string; token: string };
}

/** The admin's page for creating consultants and organization managers. */
export function UsersPage({ lang, switchHref, session, orgs, form, created }: UsersPageProps) {
  const t = MANAGE[lang].users;
  return (
    <AppPage lang={lang} title={t.title} switchHref={switchHref} session={session} crumbs={[{ label: MESSAGES[lang].nav.organizations, href: href('/app', lang) }, { label: t.title }]}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {created ? (
        <section class="card" id="created-user">
          <p class="flash" role="status">{t.created(created.name)}</p>
          <div class="field">
            <label for="new-token">{t.token}</label>
            <input id="new-token" type="text" readonly value={created.token} dir="ltr" />
          </div>
          <p class="errors" role="note">{t.tokenNote}</p>
        </section>
      ) : null}
      <section class="card" id="new-user">
        <ErrorSummary lang={lang} form={form} />
        <form class="stack" method="post" action={`${href('/app/users', lang)}#new-user`}>
          <Csrf value={session.csrf} />
          <SelectField form={form} name="role" label={t.role} options={[{ value: 'consultant', label: t.roles.consultant }, { value: 'manager', label: t.roles.manager }]} />
          <Field form={form} name="name" label={t.name} required maxlength={400} />
          <SelectField form={form} name="organizationId" label={t.organization} options={[{ value: '', label: t.noOrganization }, ...orgs.map((o) => ({ value: o.id, label: orgName(o, lang) }))]} />
          <div class="buttons">
            <button class="primary" type="submit">{t.create}</button>
          </div>
        </form>
      </section>
    </AppPage>
  );
}
