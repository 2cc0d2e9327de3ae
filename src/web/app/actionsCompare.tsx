import type { PresentedTrend } from '../../domain/presentTrend.js';
import type { Lang } from '../shared/i18n.js';
import { ACTIONS_TEXT } from './actionsText.js';
import { fmtFor, isolate } from './format.js';

type TrendAction = PresentedTrend['actions'][number];

/**
 * The comparison page's actions, per interval: each action's status and its target's measured change to
 * the next assessment compared, or why there is none. Nothing when no assessment compared has actions.
 */
export function CompareActions({ lang, tr }: { lang: Lang; tr: PresentedTrend }) {
  const actions = tr.actions ?? [];
  if (!actions.length) return null;
  const t = ACTIONS_TEXT[lang];
  const c = t.compare.columns;
  const f = fmtFor(lang);
  const groups = tr.assessments.flatMap((a, i) => {
    const list = actions.filter((x) => x.assessmentId === a.id);
    const next = tr.assessments[i + 1];
    return list.length ? [{ heading: next ? t.compare.interval(isolate(a.title), isolate(next.title)) : t.compare.pending(isolate(a.title)), list }] : [];
  });
  const row = (x: TrendAction) => {
    const m = x.change;
    const status = `${t.status[x.status]}${x.overdue ? ` · ${t.overdue}` : ''}`;
    return (
      <tr data-action={x.id} class={m?.significant ? 'sig' : undefined}>
        <th scope="row">
          <bdi>{x.title}</bdi>
        </th>
        <td data-label={c.target}>
          <bdi>{x.target.name}</bdi>
        </td>
        <td data-label={c.status}>{status}</td>
        {m ? (
          <>
            <td class="num" data-label={c.scores}>{`${f.score(m.from)} ${lang === 'fa' ? '←' : '→'} ${f.score(m.to)}`}</td>
            <td class="num" data-label={c.delta}>{f.signed(m.delta)}</td>
            <td class="num wrap" data-label={c.ci}>{f.signedRange(m.ci95)}</td>
            <td class="num" data-label={c.p}>{m.tested ? <bdi dir="ltr">{f.p(m.p)}</bdi> : '—'}</td>
            <td class="num" data-label={c.d}>{m.tested ? f.coef(m.d) : '—'}</td>
          </>
        ) : (
          <td colspan={5} class="muted small">
            {x.measurement.status === 'measured' ? t.change.note.notDisclosed : t.change.note[x.measurement.status]}
            {x.measurement.missingItems.length ? ` ${t.change.missingItems(x.measurement.missingItems.join(lang === 'fa' ? '، ' : ', '))}` : null}
          </td>
        )}
      </tr>
    );
  };
  return (
    <section class="card" id="actions">
      <h2>{t.compare.title}</h2>
      <p class="muted small">{t.compare.intro}</p>
      {groups.map((g) => (
        <>
          <h3>{g.heading}</h3>
          <div class="table-wrap">
            <table class="stacked">
              <thead>
                <tr>
                  <th>{c.action}</th>
                  <th>{c.target}</th>
                  <th>{c.status}</th>
                  <th class="num">{c.scores}</th>
                  <th class="num">{c.delta}</th>
                  <th class="num">{c.ci}</th>
                  <th class="num">{c.p}</th>
                  <th class="num">{c.d}</th>
                </tr>
              </thead>
              <tbody>{g.list.map(row)}</tbody>
            </table>
          </div>
        </>
      ))}
    </section>
  );
}
