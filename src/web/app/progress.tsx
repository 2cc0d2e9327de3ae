import type { DepartmentProgress } from '../../services/invitations.js';
import type { Lang } from '../shared/i18n.js';
import { fmtFor } from './format.js';
import { MANAGE } from './manageText.js';

/**
 * Response progress per department: counts only (services/invitations.ts progressByDepartment hides
 * departments with fewer than k links together), never a person's status.
 */
export function DepartmentProgressCard({ lang, rows, k }: { lang: Lang; rows: DepartmentProgress[]; k: number }) {
  const t = MANAGE[lang].progress;
  const f = fmtFor(lang);
  return (
    <section class="card" id="department-progress">
      <h2>{t.title}</h2>
      <p class="hint">{t.hint(f.count(k))}</p>
      {rows.length ? (
        <div class="table-wrap">
          <table class="progress-table">
            <thead>
              <tr>
                <th scope="col">{t.columns.department}</th>
                <th scope="col" class="num">{t.columns.invited}</th>
                <th scope="col" class="num">{t.columns.inProgress}</th>
                <th scope="col" class="num">{t.columns.submitted}</th>
                <th scope="col" class="num">{t.columns.rate}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                // A hidden group still smaller than k says nothing but that it exists.
                const counted = !r.hidden || r.invited >= k;
                return (
                  <tr data-department={r.hidden ? '' : (r.department ?? '-')}>
                    <th scope="row">{r.hidden ? t.small : r.department === null ? t.noDepartment : <bdi>{r.department}</bdi>}</th>
                    <td class="num">{counted ? f.count(r.invited) : '—'}</td>
                    <td class="num">{counted ? f.count(r.inProgress) : '—'}</td>
                    <td class="num">{counted ? f.count(r.submitted) : '—'}</td>
                    <td class="num">{counted ? f.percent(r.invited ? r.submitted / r.invited : null) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">{t.none}</p>
      )}
    </section>
  );
}
