import type { PresentedTrend } from '../../domain/presentTrend.js';
import type { Lang } from '../shared/i18n.js';
import { fmtFor } from './format.js';

const TEXT = {
  fa: {
    title: 'نمره‌ی مشتریان در دورها',
    intro: 'امتیاز هر عامل از نگاه خود مشتریان (نظرسنجی مشتریان)، در هر دوری که دست‌کم به حد نصاب پاسخ مشتری داشته است؛ جدا از امتیاز کارکنان.',
    factor: 'عامل',
    change: 'تغییر آخر',
    significant: '(معنادار)',
    answers: (n: string) => `${n} پاسخ`,
  },
  en: {
    title: "The customers' scores across rounds",
    intro: "Each factor's score in the customers' own eyes (the customer survey), in every round with enough customer answers; apart from the staff scores.",
    factor: 'Factor',
    change: 'Last change',
    significant: '(significant)',
    answers: (n: string) => `${n} answers`,
  },
} satisfies Record<Lang, unknown>;

/** The customers' scores per factor in each assessment compared, and the last change; nothing without a customer survey. */
export function CustomerTrendBlock({ lang, tr }: { lang: Lang; tr: PresentedTrend }) {
  const c = tr.customers;
  if (!c || !c.rounds.some((r) => r.figuresShown)) return null;
  const t = TEXT[lang];
  const f = fmtFor(lang);
  const title = new Map(tr.assessments.map((a) => [a.id, a.title]));
  return (
    <section class="card" id="customer-trend">
      <h2>{t.title}</h2>
      <p class="muted small">{t.intro}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.factor}</th>
              {c.rounds.map((r) => (
                <th scope="col" class="num">
                  <bdi>{title.get(r.assessmentId) ?? ''}</bdi>
                  <br />
                  <small class="muted">{t.answers(f.count(r.submitted))}</small>
                </th>
              ))}
              <th scope="col" class="num">{t.change}</th>
            </tr>
          </thead>
          <tbody>
            {c.factors.map((x) => {
              const last = x.changes.at(-1);
              return (
                <tr data-factor={x.id}>
                  <th scope="row">{x.name}</th>
                  {x.points.map((p) => <td class="num">{f.score(p.score)}</td>)}
                  <td class="num">{last ? `${f.signed(last.delta)}${last.significant ? ` ${t.significant}` : ''}` : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
