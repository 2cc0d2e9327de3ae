import { maturityLevel } from '../../domain/maturity.js';
import type { PresentedResults } from '../../domain/presentResults.js';
import type { Fmt } from './format.js';
import type { ReportText } from './messages.js';

type Rt = ReportText['results'];
/** α and rwg(j) are read against 0.7 (statistics.md §5–6). */
const GOOD = 0.7;

/** `described`: the questionnaire says what each level means for this dimension, so the card says it too. */
export function DimensionCard({ d, t, f, described = false }: { d: PresentedResults['dimensions'][number]; t: Rt; f: Fmt; described?: boolean }) {
  const meaning = (v: number | null, ok: string, low: string) => (v === null ? t.notComputed : v >= GOOD ? ok : low);
  return (
    <article class={`card dim ${d.id}`} data-dimension={d.id}>
      <h3>{d.name}</h3>
      <p class="score">{f.score(d.score)}</p>
      {d.level ? <p class="level-name">{t.level(f.count(d.level.value), d.level.name)}</p> : null}
      {d.level && described ? <p class="small level-text">{d.level.description}</p> : null}
      <dl>
        <dt>{t.ci}</dt>
        <dd>{f.range(d.ci95)}</dd>
        {d.target !== null ? (
          <>
            <dt>{t.target}</dt>
            <dd>
              {f.score(d.target)}
              <small>{gapText(d.gap, t, f)}</small>
            </dd>
          </>
        ) : null}
        <dt>{t.scored}</dt>
        <dd>{f.count(d.n)}</dd>
        <dt>{t.alpha}</dt>
        <dd>
          {f.coef(d.alpha)}
          <small>{meaning(d.alpha, t.alphaOk, t.alphaLow)}</small>
        </dd>
        <dt>{t.rwg}</dt>
        <dd>
          {f.coef(d.rwg)}
          <small>{meaning(d.rwg, t.rwgOk, t.rwgLow)}</small>
        </dd>
      </dl>
    </article>
  );
}

/** target − score, in words: "15.0 points below target". */
function gapText(gap: number | null, t: Rt, f: Fmt): string | null {
  if (gap === null) return null;
  if (Math.round(gap * 10) === 0) return t.atTarget;
  return gap > 0 ? t.belowTarget(f.score(gap)) : t.aboveTarget(f.score(-gap));
}

export function ScoresTable({ r, t, f }: { r: PresentedResults; t: Rt; f: Fmt }) {
  const rows = [
    ...r.levels.map((l) => ({ name: l.name, g: l, strong: true })),
    ...r.sections.map((s) => ({ name: s.title, g: s, strong: false })),
  ];
  return (
    <section class="card">
      <h2>{t.tableTitle}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t.columns.group}</th>
              <th class="num">{t.columns.n}</th>
              <th class="num">{t.columns.score}</th>
              <th class="num">{t.columns.ci}</th>
              <th>{t.columns.level}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ name, g, strong }) => (
              <tr>
                <th scope="row">{strong ? <strong>{name}</strong> : name}</th>
                <td class="num">{f.count(g.n)}</td>
                <td class="num">{f.score(g.score)}</td>
                <td class="num wrap">{f.range(g.ci95)}</td>
                <td>{g.score === null ? '—' : f.count(maturityLevel(g.score))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
