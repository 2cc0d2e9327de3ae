import type { Lang } from '../shared/i18n.js';
import { href } from './format.js';
import { MANAGE } from './manageText.js';

// The rows of secondary actions on the organization and assessment pages: plain links to pages that each
// do one thing (a GET page first for anything that deletes or closes).

export function OrganizationActions({ lang, orgId, writer }: { lang: Lang; orgId: string; writer: boolean }) {
  const t = MANAGE[lang].actions;
  const base = `/app/organizations/${orgId}`;
  return (
    <ul class="actions" id="organization-actions">
      <li><a class="button" href={href(`${base}/departments`, lang)}>{t.departments}</a></li>
      {writer ? <li><a class="button" href={href(`${base}/audit`, lang)}>{t.audit}</a></li> : null}
      {writer ? <li><a class="button" href={href(`${base}/edit`, lang)}>{t.edit}</a></li> : null}
      {writer ? <li><a class="button danger" href={href(`${base}/delete`, lang)}>{t.delete}</a></li> : null}
    </ul>
  );
}

export function AssessmentActions({ lang, id, writer, closed }: { lang: Lang; id: string; writer: boolean; closed: boolean }) {
  const t = MANAGE[lang].actions;
  const base = `/app/assessments/${id}`;
  return (
    <ul class="actions" id="assessment-actions">
      <li><a class="button" href={href(`${base}/benchmark`, lang)}>{t.benchmark}</a></li>
      {writer ? <li><a class="button" href={href(`${base}/links`, lang)}>{t.links}</a></li> : null}
      {writer && !closed ? <li><a class="button" href={href(`${base}/import`, lang)}>{t.import}</a></li> : null}
      {writer ? <li><a class="button" href={href(`${base}/edit`, lang)}>{t.edit}</a></li> : null}
      {writer ? <li><a class="button danger" href={href(`${base}/delete`, lang)}>{t.delete}</a></li> : null}
    </ul>
  );
}

/** The admin's way to the pages only it has: users and the whole audit log. */
export function AdminLinks({ lang }: { lang: Lang }) {
  const t = MANAGE[lang].actions;
  return (
    <ul class="actions" id="admin-actions">
      <li><a class="button" href={href('/app/users', lang)}>{t.users}</a></li>
      <li><a class="button" href={href('/app/audit', lang)}>{t.audit}</a></li>
    </ul>
  );
}
