import type { PresentedTrend } from '../../domain/presentTrend.js';
import type { Questionnaire } from '../../questionnaire/schema.js';
import type { Lang } from '../shared/i18n.js';
import { isolate, type Fmt } from './format.js';
import type { ReportText } from './messages.js';

// The comparison page's tables: the changes with their tests, the level transitions and the top movers.

type Series = PresentedTrend['overall'];
type Ct = ReportText['compare'];

/** Cohen's conventional bands. */
export function effectSize(d: number | null): string | null {
  if (d === null) return null;
  const a = Math.abs(d);
  return a < 0.2 ? 'negligible' : a < 0.5 ? 'small' : a < 0.8 ? 'medium' : 'large';
}

export function ChangesTable({ t, f, tr }: { t: Ct; f: Fmt; tr: PresentedTrend }) {
  // Steps are named by the assessments' numbers in the summary's list, to keep the table narrow on a phone.
  const number = new Map(tr.assessments.map((a, i) => [a.id, f.count(i + 1)]));
  const many = tr.assessments.length > 2;
  const series = [tr.overall, ...tr.dimensions, ...tr.levels, ...tr.sections];
  const score = (s: Series, id: string) => s.points.find((p) => p.assessmentId === id)?.score ?? null;
  return (
    <section class="card" id="changes">
      <h2>{t.changesTitle}</h2>
      <p class="muted small">{t.changesIntro}</p>
      {/* On a phone each row becomes a small card whose cells carry their column's name (data-label). */}
      <div class="table-wrap">
        <table class="stacked">
          <thead>
            <tr>
              <th>{t.columns.group}</th>
              {many ? <th>{t.columns.step}</th> : null}
              <th class="num">{t.columns.scores}</th>
              <th class="num">{t.columns.delta}</th>
              <th class="num">{t.columns.ci}</th>
              <th class="num">{t.columns.p}</th>
              <th>{t.columns.significant}</th>
              <th>{t.columns.d}</th>
            </tr>
          </thead>
          <tbody>
            {series.flatMap((s) =>
              s.changes.map((c, k) => {
                const effect = effectSize(c.cohensD);
                const firstToLast = many && k === s.changes.length - 1;
                return (
                  <tr class={c.significant ? 'sig' : undefined} data-series={s.id}>
                    <th scope="row">
                      {s.kind === 'overall' ? <strong>{t.overall}</strong> : <><span class="muted small">{t.kinds[s.kind]}:</span> {s.name}</>}
                    </th>
                    {many ? (
                      <td class="num" data-label={t.columns.step}>
                        <span>
                          {`${number.get(c.from)} ${t.arrow} ${number.get(c.to)}`}
                          {firstToLast ? <span class="muted small"> ({t.firstToLast})</span> : null}
                        </span>
                      </td>
                    ) : null}
                    <td class="num" data-label={t.columns.scores}>{`${f.score(score(s, c.from))} ${t.arrow} ${f.score(score(s, c.to))}`}</td>
                    <td class="num" data-label={t.columns.delta}>{f.signed(c.delta)}</td>
                    <td class="num wrap" data-label={t.columns.ci}>{f.signedRange(c.ci95)}</td>
                    <td class="num" data-label={t.columns.p}>{c.tested ? f.p(c.p) : '—'}</td>
                    <td data-label={t.columns.significant}>{!c.tested ? t.notTested : c.significant ? t.yes : t.no}</td>
                    <td data-label={t.columns.d}>{c.cohensD === null ? '—' : `${f.coef(c.cohensD)} (${t.effect[effect!]})`}</td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Transitions({ lang, t, f, tr, q }: { lang: Lang; t: Ct; f: Fmt; tr: PresentedTrend; q: Questionnaire | undefined }) {
  const title = new Map(tr.assessments.map((a) => [a.id, a.title]));
  const level = (v: number | null) => (v === null ? t.noLevel : t.levelName(f.count(v), q?.maturityLevels.find((m) => m.level === v)?.name[lang] ?? ''));
  const dimName = (id: string) => tr.dimensions.find((d) => d.id === id)?.name ?? id;
  return (
    <section class="card" id="transitions">
      <h2>{t.transitionsTitle}</h2>
      {tr.transitions.map((x) => (
        <>
          {tr.transitions.length > 1 ? <h3>{`${isolate(title.get(x.from) ?? '')} ${t.arrow} ${isolate(title.get(x.to) ?? '')}`}</h3> : null}
          <ul>
            <li>
              <strong>{t.overall}</strong>: {t.transition(level(x.overall.from), level(x.overall.to))}
            </li>
            {x.dimensions.map((d) => (
              <li>
                <strong>{dimName(d.id)}</strong>: {t.transition(level(d.from), level(d.to))}
              </li>
            ))}
          </ul>
        </>
      ))}
    </section>
  );
}

export function Movers({ t, f, tr }: { t: Ct; f: Fmt; tr: PresentedTrend }) {
  const list = (items: PresentedTrend['movers']['up']) =>
    items.length ? (
      <ol>
        {items.map((m) => (
          <li>
            {m.text}
            <span class="muted small"> ({m.source})</span>
            <span class="figures">{t.moverFigures(f.score(m.from), f.score(m.to), f.signed(m.delta))}</span>
          </li>
        ))}
      </ol>
    ) : (
      <p class="muted">{t.noMovers}</p>
    );
  return (
    <section class="card" id="movers">
      <h2>{t.moversTitle}</h2>
      <div class="grid two">
        <div>
          <h3>{t.up}</h3>
          {list(tr.movers.up)}
        </div>
        <div>
          <h3>{t.down}</h3>
          {list(tr.movers.down)}
        </div>
      </div>
    </section>
  );
}
