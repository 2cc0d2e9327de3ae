import type { Assessment, Organization, User } from '../../domain/records.js';
import type { BenchmarkResult } from '../../services/benchmark.js';
import type { Lang } from '../shared/i18n.js';
import { assessmentCrumbs } from './assessment.js';
import { AppPage } from './chrome.js';
import { fmtFor } from './format.js';
import { MANAGE } from './manageText.js';

export interface BenchmarkPageProps {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
  org: Organization;
  assessment: Assessment;
  b: BenchmarkResult;
}

/** Where an assessment stands among other organizations (never named): percentiles, or why there are none. */
export function BenchmarkPage({ lang, switchHref, session, org, assessment, b }: BenchmarkPageProps) {
  const t = MANAGE[lang].benchmark;
  const f = fmtFor(lang);
  return (
    <AppPage lang={lang} title={t.title} switchHref={switchHref} session={session} crumbs={assessmentCrumbs(lang, org, assessment, t.title)}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {b.available ? (
        <section class="card" id="benchmark">
          <p>{t.peers(f.count(b.peerOrganizations))}</p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.columns.what}</th>
                  <th scope="col" class="num">{t.columns.score}</th>
                  <th scope="col" class="num">{t.columns.percentile}</th>
                </tr>
              </thead>
              <tbody>
                {[{ id: 'overall', score: b.overall.score, percentile: b.overall.percentile }, ...b.dimensions].map((r) => (
                  <tr data-row={r.id}>
                    <th scope="row">{r.id === 'overall' ? t.overall : t.dims[r.id]}</th>
                    <td class="num">{f.score(r.score)}</td>
                    <td class="num">{r.percentile === null ? '—' : f.count(Math.round(r.percentile))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : (
        <p class="card" id="benchmark">
          {t.unavailable(f.count(b.peerOrganizations), f.count(b.minimumPeers))}
        </p>
      )}
    </AppPage>
  );
}
