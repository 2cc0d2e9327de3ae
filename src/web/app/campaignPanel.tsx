import type { MailCounts, ScheduleView } from '../../services/mailCampaign.js';
import type { Lang } from '../shared/i18n.js';
import { CAMPAIGN } from './campaignText.js';
import { Csrf } from './fields.js';
import { fmtFor, href } from './format.js';

export interface CampaignView {
  mailConfigured: boolean;
  addresses: number;
  invitations: MailCounts;
  reminders: MailCounts;
  schedule: ScheduleView | null;
  /** The outcome of the reminders just sent (from the redirect after posting them). */
  reminded?: { recipients: number; sent: number; queued: number };
  /** The reminders' note was refused, so none were sent. */
  noteRefused?: boolean;
  /** The days typed for the automatic reminder were refused, so nothing changed. */
  scheduleRefused?: boolean;
}

const STATES = ['queued', 'sent', 'failed', 'cancelled'] as const;

/**
 * The assessment page's email campaign card: counts of messages by state (never a person's), the way to
 * invite by email and to remind everyone who has not answered, or a plain notice when mail is not set up.
 */
export function CampaignPanel({ lang, csrf, assessmentId, writer, closed, closesAt, campaign: c }: { lang: Lang; csrf: string; assessmentId: string; writer: boolean; closed: boolean; closesAt?: string | null; campaign: CampaignView }) {
  const t = CAMPAIGN[lang];
  const f = fmtFor(lang);
  const base = `/app/assessments/${assessmentId}`;
  if (!c.mailConfigured)
    return (
      <section class="card" id="campaign">
        <h2>{t.title}</h2>
        <p class="hint" id="mail-off">
          {t.off}
        </p>
      </section>
    );
  return (
    <section class="card" id="campaign">
      <h2>{t.title}</h2>
      {c.reminded ? (
        <p class="flash" role="status">
          {t.reminded(f.count(c.reminded.recipients), f.count(c.reminded.sent), f.count(c.reminded.queued))}
        </p>
      ) : null}
      {c.scheduleRefused ? (
        <p class="errors" role="alert">
          {t.scheduleRefused}
        </p>
      ) : null}
      {c.noteRefused ? (
        <p class="errors" role="alert">
          {t.noteRefused}
        </p>
      ) : null}
      <p class="hint">{t.privacy}</p>
      <div class="table-wrap">
        <table class="counts stacked" id="mail-counts">
          <thead>
            <tr>
              <th scope="col">{t.kind}</th>
              {STATES.map((s) => (
                <th scope="col" class="num">
                  {t.counts[s]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(['invitations', 'reminders'] as const).map((kind) => (
              <tr>
                <th scope="row">{t.kinds[kind]}</th>
                {STATES.map((s) => (
                  <td class="num" data-label={t.counts[s]} data-count={`${kind}.${s}`}>
                    {f.count(c[kind][s])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>{closed ? t.deleted : c.addresses ? t.addresses(f.count(c.addresses)) : t.noAddresses}</p>
      {writer && !closed ? (
        <div class="buttons">
          <a class="button primary" href={href(`${base}/email`, lang)} id="invite-by-email">
            {t.invite}
          </a>
        </div>
      ) : null}
      {writer && !closed && c.addresses ? (
        <>
          <hr />
          <form class="stack" method="post" action={href(`${base}/reminders`, lang)} data-confirm={t.remindConfirm} id="remind">
            <h3>{t.remindTitle}</h3>
            <p class="hint">{t.remindHint}</p>
            <Csrf value={csrf} />
            <div class="field">
              <label for="f-note">{t.note}</label>
              <p class="hint" id="f-note-hint">
                {t.noteHint}
              </p>
              <textarea id="f-note" name="note" rows={3} maxlength={2000} dir="auto" aria-describedby="f-note-hint"></textarea>
            </div>
            <div class="buttons">
              <button type="submit">{t.remind}</button>
            </div>
          </form>
        </>
      ) : null}
      {c.schedule ? (
        <p id="schedule-status">{c.schedule.sentAt ? t.scheduleSent(f.date(c.schedule.sentAt)) : t.scheduled(f.count(c.schedule.daysBefore), f.date(c.schedule.sendsAt))}</p>
      ) : null}
      {writer && !closed ? (
        closesAt ? (
          <>
            <hr />
            <form class="stack" method="post" action={href(`${base}/reminders/schedule`, lang)} id="schedule">
              <h3>{t.scheduleTitle}</h3>
              <Csrf value={csrf} />
              <div class="field">
                <label for="f-daysBefore">{t.daysBefore}</label>
                <p class="hint" id="f-daysBefore-hint">
                  {t.daysBeforeHint(f.date(closesAt))}
                </p>
                <input type="text" inputmode="numeric" id="f-daysBefore" name="daysBefore" maxlength={3} value={c.schedule ? f.count(c.schedule.daysBefore) : ''} aria-describedby="f-daysBefore-hint" />
              </div>
              <div class="buttons">
                <button type="submit">{t.scheduleSave}</button>
              </div>
            </form>
          </>
        ) : (
          <p class="hint">{t.scheduleNeedsDate}</p>
        )
      ) : null}
    </section>
  );
}
