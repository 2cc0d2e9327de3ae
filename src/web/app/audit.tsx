import type { AuditEvent, User } from '../../domain/records.js';
import { localeOf, type Lang } from '../shared/i18n.js';
import { AppPage, type Crumb } from './chrome.js';
import { TIME_ZONE } from './format.js';
import { MANAGE } from './manageText.js';
import { MESSAGES } from './messages.js';

export interface AuditPageProps {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
  crumbs: Crumb[];
  events: AuditEvent[];
}

/** What an entry's details say, as short "key: value" pairs (never tokens or answers: see recordAudit). */
function detailsText(details: string | null): string {
  if (!details) return '';
  const d = JSON.parse(details) as Record<string, unknown>;
  return Object.entries(d)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
    .join(' · ');
}

/** Who did what and when, newest first: an organization's (consultants) or everything (admin). */
export function AuditPage({ lang, switchHref, session, crumbs, events }: AuditPageProps) {
  const t = MANAGE[lang].audit;
  const when = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
  return (
    <AppPage lang={lang} title={t.title} switchHref={switchHref} session={session} crumbs={crumbs}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {events.length ? (
        <div class="table-wrap card">
          <table class="audit">
            <thead>
              <tr>
                <th scope="col">{t.columns.at}</th>
                <th scope="col">{t.columns.who}</th>
                <th scope="col">{t.columns.action}</th>
                <th scope="col">{t.columns.details}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr data-action={e.action}>
                  <td>{when.format(new Date(e.at))}</td>
                  <td>
                    {MESSAGES[lang].roles[e.actor_role] ?? e.actor_role} <span class="ltr small muted">{e.actor_id.slice(0, 8)}</span>
                  </td>
                  <td class="ltr">{e.action}</td>
                  <td>
                    <bdi>{detailsText(e.details)}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">{t.none}</p>
      )}
    </AppPage>
  );
}
