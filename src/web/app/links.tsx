import type { Assessment, Organization, User } from '../../domain/records.js';
import type { InvitationBatch } from '../../services/invitations.js';
import type { Lang } from '../shared/i18n.js';
import { assessmentCrumbs } from './assessment.js';
import { AppPage } from './chrome.js';
import { Csrf } from './fields.js';
import { fmtFor, href } from './format.js';
import { MANAGE } from './manageText.js';
import { MESSAGES } from './messages.js';

export interface LinksManageProps {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
  org: Organization;
  assessment: Assessment;
  closed: boolean;
  batches: InvitationBatch[];
  flash?: string;
}

/** The hidden fields that name one batch in the forms that issue its links again or revoke them. */
function BatchFields({ b }: { b: InvitationBatch }) {
  return (
    <>
      <input type="hidden" name="createdAt" value={b.createdAt} />
      <input type="hidden" name="role" value={b.role} />
      <input type="hidden" name="department" value={b.department ?? ''} />
    </>
  );
}

/**
 * GET /app/assessments/:id/links: every batch of links with its size and how many still await an answer
 * (never which), and per batch the forms that issue its waiting links afresh (as CSV or on a page) or
 * revoke them. Links are stored as hashes, which the page says before anyone presses a button.
 */
export function LinksManagePage({ lang, switchHref, session, org, assessment: a, closed, batches, flash }: LinksManageProps) {
  const t = MANAGE[lang].links;
  const roles = MESSAGES[lang].assessment.inviteRoles;
  const f = fmtFor(lang);
  const action = (what: string) => href(`/app/assessments/${a.id}/links/${what}`, lang);
  return (
    <AppPage lang={lang} title={t.title} switchHref={switchHref} session={session} crumbs={assessmentCrumbs(lang, org, a, t.title)} flash={flash}>
      <h1>{t.title}</h1>
      <p class="card" role="note" id="links-hashed">
        {t.hashed}
      </p>
      {batches.length ? (
        <div class="table-wrap card">
          <table class="batches">
            <thead>
              <tr>
                <th scope="col">{t.columns.created}</th>
                <th scope="col">{t.columns.role}</th>
                <th scope="col">{t.columns.department}</th>
                <th scope="col" class="num">{t.columns.total}</th>
                <th scope="col" class="num">{t.columns.open}</th>
                <th scope="col">{t.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr data-batch>
                  <td>{f.date(b.createdAt)}</td>
                  <td>{roles[b.role]}</td>
                  <td>{b.department === null ? MESSAGES[lang].dash : <bdi>{b.department}</bdi>}</td>
                  <td class="num">{f.count(b.total)}</td>
                  <td class="num">{f.count(b.open)}</td>
                  <td>
                    {b.open === 0 ? (
                      <span class="muted">{t.allAnswered}</span>
                    ) : (
                      <div class="buttons">
                        {closed ? null : (
                          <form method="post" action={action('reissue')}>
                            <Csrf value={session.csrf} />
                            <BatchFields b={b} />
                            <button type="submit" name="format" value="csv" class="primary">{t.csv}</button>
                            <button type="submit" name="format" value="html">{t.show}</button>
                          </form>
                        )}
                        {/* A page first says what revoking does (links.tsx RevokeConfirmPage). */}
                        <a class="button danger" href={href(`/app/assessments/${a.id}/links/revoke`, lang, { createdAt: b.createdAt, role: b.role, department: b.department ?? '' })}>
                          {t.revoke}
                        </a>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="lead">{t.none}</p>
      )}
      <p>
        <a class="button" href={href(`/app/assessments/${a.id}`, lang)}>{MESSAGES[lang].assessment.backToAssessment}</a>
      </p>
    </AppPage>
  );
}

export interface RevokeConfirmProps {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
  org: Organization;
  assessment: Assessment;
  batch: InvitationBatch;
}

/** GET …/links/revoke: which links stop working, then the button that posts it. */
export function RevokeConfirmPage({ lang, switchHref, session, org, assessment: a, batch: b }: RevokeConfirmProps) {
  const t = MANAGE[lang].links;
  const f = fmtFor(lang);
  const roles = MESSAGES[lang].assessment.inviteRoles;
  const who = `${roles[b.role]}${b.department ? ` — ${b.department}` : ''} (${f.date(b.createdAt)})`;
  return (
    <AppPage lang={lang} title={t.revokeTitle} switchHref={switchHref} session={session} crumbs={assessmentCrumbs(lang, org, a, t.revokeTitle)}>
      <h1>{t.revokeTitle}</h1>
      <section class="card" id="revoke-confirm">
        <p class="lead">
          <bdi>{who}</bdi>
        </p>
        <p>{t.revokeBody(f.count(b.open))}</p>
        <form method="post" action={href(`/app/assessments/${a.id}/links/revoke`, lang)}>
          <Csrf value={session.csrf} />
          <BatchFields b={b} />
          <div class="buttons">
            <button type="submit" class="danger">{t.revokeSubmit(f.count(b.open))}</button>
            <a class="button" href={href(`/app/assessments/${a.id}/links`, lang)}>{MANAGE[lang].actions.cancel}</a>
          </div>
        </form>
      </section>
    </AppPage>
  );
}
