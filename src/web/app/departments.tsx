import type { Organization, User } from '../../domain/records.js';
import type { Department } from '../../services/departments.js';
import type { Lang } from '../shared/i18n.js';
import { AppPage } from './chrome.js';
import { Csrf, ErrorSummary, Field, type FormState } from './fields.js';
import { href } from './format.js';
import { MANAGE } from './manageText.js';
import { MESSAGES } from './messages.js';
import { orgName } from './organizations.js';

export interface DepartmentsPageProps {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
  org: Organization;
  departments: Department[];
  form: FormState;
  flash?: string;
}

/** GET /app/organizations/:orgId/departments: the list the links form picks from, with add and remove. */
export function DepartmentsPage({ lang, switchHref, session, org, departments, form, flash }: DepartmentsPageProps) {
  const t = MANAGE[lang].departments;
  const writer = session.user.role !== 'manager';
  const name = orgName(org, lang);
  const crumbs = [{ label: MESSAGES[lang].nav.organizations, href: href('/app', lang) }, { label: name, href: href(`/app/organizations/${org.id}`, lang) }, { label: t.title }];
  return (
    <AppPage lang={lang} title={t.title} switchHref={switchHref} session={session} crumbs={crumbs} flash={flash}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <section class="card">
        {departments.length ? (
          <ul class="list departments">
            {departments.map((d) => (
              <li data-department={d.name}>
                <bdi>{d.name}</bdi>
                {writer ? (
                  <form method="post" action={href(`/app/organizations/${org.id}/departments/${d.id}/delete`, lang)} class="inline">
                    <Csrf value={session.csrf} />
                    <button type="submit" class="danger small">{t.remove}</button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t.none}</p>
        )}
        <p class="hint">{t.removedNote}</p>
      </section>
      {writer ? (
        <section class="card" id="new-department">
          <h2>{t.add}</h2>
          <ErrorSummary lang={lang} form={form} />
          <form class="stack" method="post" action={`${href(`/app/organizations/${org.id}/departments`, lang)}#new-department`}>
            <Csrf value={session.csrf} />
            <Field form={form} name="name" label={t.name} required maxlength={400} />
            <div class="buttons">
              <button class="primary" type="submit">{t.add}</button>
            </div>
          </form>
        </section>
      ) : null}
    </AppPage>
  );
}
