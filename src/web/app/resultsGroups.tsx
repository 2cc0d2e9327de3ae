import type { BreakdownGroup } from '../../domain/breakdowns.js';
import type { PresentedResults } from '../../domain/presentResults.js';
import type { Lang } from '../shared/i18n.js';
import { fmtFor } from './format.js';
import { REPORT_TEXT } from './messages.js';

/**
 * Roles and departments. A suppressed group keeps only its name and the words "insufficient responses":
 * no size, no score (presentResults does not even have them), and it is left out of the charts.
 */
export function Breakdowns({ lang, r }: { lang: Lang; r: PresentedResults }) {
  const t = REPORT_TEXT[lang].results;
  return (
    <section id="breakdowns">
      <h2>{t.groupsTitle}</h2>
      <p class="muted small">{t.groupsIntro}</p>
      <div class="grid two">
        <GroupTable lang={lang} r={r} title={t.byRole} kind="role" groups={r.breakdowns.role} name={(g) => t.roleNames[g] ?? g} chart="roles" />
        <GroupTable lang={lang} r={r} title={t.byDepartment} kind="department" groups={r.breakdowns.department} name={(g) => g} chart="departments" empty={t.noDepartments} />
      </div>
    </section>
  );
}

interface GroupTableProps {
  lang: Lang;
  r: PresentedResults;
  title: string;
  kind: 'role' | 'department';
  groups: BreakdownGroup[];
  name: (group: string) => string;
  chart: string;
  empty?: string;
}

function GroupTable({ lang, r, title, kind, groups, name, chart, empty }: GroupTableProps) {
  const t = REPORT_TEXT[lang].results;
  const f = fmtFor(lang);
  const shown = groups.some((g) => !g.suppressed);
  return (
    <div class="card">
      <h3>{title}</h3>
      {groups.length === 0 && empty ? (
        <p class="muted">{empty}</p>
      ) : (
        <>
          <div class="table-wrap">
            <table class="groups" data-breakdown={kind}>
              <thead>
                <tr>
                  <th>{t.groupColumns.group}</th>
                  <th class="num">{t.groupColumns.n}</th>
                  {r.dimensions.map((d) => (
                    <th class="num">{d.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {groups.map((g) =>
                  g.suppressed || !g.dimensions ? (
                    <tr data-suppressed="true">
                      <th scope="row">
                        <bdi>{name(g.group)}</bdi>
                      </th>
                      <td class="suppressed" colspan={1 + r.dimensions.length}>
                        {t.insufficient}
                      </td>
                    </tr>
                  ) : (
                    <tr>
                      <th scope="row">
                        <bdi>{name(g.group)}</bdi>
                      </th>
                      <td class="num">{f.count(g.n ?? 0)}</td>
                      {r.dimensions.map((d) => (
                        <td class="num">{f.score(g.dimensions!.find((x) => x.id === d.id)?.score ?? null)}</td>
                      ))}
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
          {shown ? (
            <div class="chart">
              <canvas data-chart={chart} role="img" aria-label={`${t.groupsTitle}: ${title}`} />
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}

/** Managers' minus staff's score per dimension, or why it is not shown. */
export function PerceptionGap({ lang, r }: { lang: Lang; r: PresentedResults }) {
  const t = REPORT_TEXT[lang].results;
  const f = fmtFor(lang);
  const role = (g: string) => r.breakdowns.role.find((x) => x.group === g);
  const score = (g: string, d: string) => role(g)?.dimensions?.find((x) => x.id === d)?.score ?? null;
  return (
    <section class="card" id="gap">
      <h2>{t.gapTitle}</h2>
      {r.perceptionGap ? (
        <>
          <p class="muted small">{t.gapIntro}</p>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t.gapColumns.dimension}</th>
                  <th class="num">{t.gapColumns.manager}</th>
                  <th class="num">{t.gapColumns.staff}</th>
                  <th class="num">{t.gapColumns.gap}</th>
                </tr>
              </thead>
              <tbody>
                {r.perceptionGap.map((g) => (
                  <tr>
                    <th scope="row">{r.dimensions.find((d) => d.id === g.dimension)?.name ?? g.dimension}</th>
                    <td class="num">{f.score(score('manager', g.dimension))}</td>
                    <td class="num">{f.score(score('staff', g.dimension))}</td>
                    <td class="num">{f.signed(g.gap)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>{t.gapNotShown(f.count(r.anonymityThreshold))}</p>
      )}
    </section>
  );
}
