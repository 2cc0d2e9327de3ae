import type { FieldError } from '../../domain/errors.js';
import type { Assessment, Organization, User } from '../../domain/records.js';
import type { Lang } from '../shared/i18n.js';
import { assessmentCrumbs } from './assessment.js';
import { AppPage } from './chrome.js';
import { Csrf } from './fields.js';
import { fmtFor, href } from './format.js';
import { MANAGE } from './manageText.js';

export interface ImportPageProps {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
  org: Organization;
  assessment: Assessment;
  /** A file that was refused: one line per problem (row, column, reason), or one message for the whole file. */
  problems?: FieldError[];
  message?: string;
}

const SHOWN = 50;

/** GET /app/assessments/:id/import: paper responses as a CSV file, stored all or nothing. */
export function ImportPage({ lang, switchHref, session, org, assessment: a, problems, message }: ImportPageProps) {
  const t = MANAGE[lang].import;
  const f = fmtFor(lang);
  return (
    <AppPage lang={lang} title={t.title} switchHref={switchHref} session={session} crumbs={assessmentCrumbs(lang, org, a, t.title)}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {message ? (
        <div class="errors" role="alert">
          <h2>{message}</h2>
        </div>
      ) : null}
      {problems?.length ? (
        <div class="errors" role="alert" id="import-errors">
          <h2>{t.failed}</h2>
          <ul dir="ltr">
            {problems.slice(0, SHOWN).map((p) => (
              <li>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
          {problems.length > SHOWN ? <p>{t.more(f.count(problems.length - SHOWN))}</p> : null}
        </div>
      ) : null}
      <section class="card">
        <form class="stack" method="post" action={href(`/app/assessments/${a.id}/import`, lang)} enctype="multipart/form-data">
          <Csrf value={session.csrf} />
          <div class="field">
            <label for="f-file">{t.file}</label>
            <input type="file" id="f-file" name="file" accept=".csv,text/csv" required />
          </div>
          <div class="buttons">
            <button class="primary" type="submit">{t.submit}</button>
            <a class="button" href={href(`/app/assessments/${a.id}`, lang)}>{MANAGE[lang].actions.cancel}</a>
          </div>
        </form>
      </section>
    </AppPage>
  );
}
