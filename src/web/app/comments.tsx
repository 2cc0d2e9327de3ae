import type { Assessment, Organization, User } from '../../domain/records.js';
import type { PresentedComments } from '../../domain/presentComments.js';
import type { Lang } from '../shared/i18n.js';
import { assessmentCrumbs } from './assessment.js';
import { AppPage } from './chrome.js';
import { fmtFor, isolate } from './format.js';
import { REPORT_TEXT } from './messages.js';

export interface CommentsPageProps {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
  org: Organization;
  assessment: Assessment;
  c: PresentedComments;
}

/** What respondents wrote, by section, with the themes of each; the anonymity rules already applied. */
export function CommentsPage({ lang, switchHref, session, org, assessment: a, c }: CommentsPageProps) {
  const t = REPORT_TEXT[lang].comments;
  const f = fmtFor(lang);
  const base = `/app/assessments/${a.id}`;
  const roleName = (r: 'manager' | 'staff') => (r === 'manager' ? t.manager : t.staff);
  return (
    <AppPage lang={lang} title={t.title(isolate(a.title))} switchHref={switchHref} session={session} crumbs={assessmentCrumbs(lang, org, a, t.crumb)}>
      <h1>{t.title(isolate(a.title))}</h1>
      <p class="muted small">{t.intro(f.count(c.snapshot.k))}</p>
      {!c.snapshot.figuresShown ? (
        <p class="card" id="comments-withheld">{t.withheld(f.count(c.snapshot.submitted), f.count(c.snapshot.k))}</p>
      ) : c.sections.length === 0 ? (
        <p class="card">{t.none}</p>
      ) : (
        <>
          <ul class="actions">
            <li><a class="button" href={`${base}/export/comments.csv?lang=${lang}`}>{t.csv}</a></li>
          </ul>
          {c.sections.map((s) => (
            <section class="card" data-section={s.section}>
              <h2>{s.title} <small class="muted">{t.count(f.count(s.n))}</small></h2>
              {s.themes.length ? (
                <>
                  <h3>{t.themes}</h3>
                  <ul class="themes">
                    {s.themes.map((th) => (
                      <li><span class="badge"><bdi>{th.term}</bdi> <small>({f.count(th.count)})</small></span></li>
                    ))}
                  </ul>
                </>
              ) : null}
              <ul class="comments">
                {s.comments.map((x) => (
                  <li>
                    <p dir="auto">{x.text}</p>
                    {x.role || x.department ? (
                      <p class="muted small">{[x.role ? roleName(x.role) : null, x.department ? <bdi>{x.department}</bdi> : null].filter(Boolean).map((part, i) => (i ? [t.separator, part] : part))}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </AppPage>
  );
}
