import type { Child } from 'hono/jsx';
import type { PresentedResults } from '../../domain/presentResults.js';
import { likertColour, palette } from '../../reports/pdf/palette.js';
import type { Questionnaire } from '../../questionnaire/schema.js';
import type { Lang } from '../shared/i18n.js';
import { fmtFor } from './format.js';
import { REPORT_TEXT } from './messages.js';

type Item = PresentedResults['items'][number];

const tone = (v: number, min: number, max: number) => (max === min ? 0 : -1 + (2 * (v - min)) / (max - min));

function Swatch({ colour }: { colour: string }) {
  return (
    <svg class="sw" viewBox="0 0 10 10" aria-hidden="true">
      <rect width="10" height="10" fill={colour} />
    </svg>
  );
}

/**
 * One stacked bar per item: the share of each answer among those who gave one. Drawn as inline SVG with
 * fill and width attributes, which the CSP allows (style attributes it does not), so it needs no script.
 * In Persian the lowest answer starts at the right, as the scale reads on the questionnaire.
 */
function DistributionBar({ lang, q, item }: { lang: Lang; q: Questionnaire; item: Item }) {
  const def = q.items.find((i) => i.id === item.id)!;
  const { min, max } = def.scale;
  const f = fmtFor(lang);
  const points = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const total = points.reduce((s, v) => s + (item.distribution[String(v)] ?? 0), 0);
  let at = 0;
  const rects = points.map((v) => {
    const width = total ? ((item.distribution[String(v)] ?? 0) / total) * 100 : 0;
    const x = lang === 'fa' ? 100 - at - width : at;
    at += width;
    return { v, x, width };
  });
  const label = total
    ? points.map((v, i) => `${q.scaleLabels[String(v)]?.[lang] ?? v} ${f.percent(rects[i].width / 100)}`).join(lang === 'fa' ? '، ' : ', ')
    : REPORT_TEXT[lang].results.noAnswers;
  return (
    <svg class="dist" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={label}>
      {rects.filter((r) => r.width > 0).map((r) => (
        <rect x={r.x.toFixed(3)} y="0" width={r.width.toFixed(3)} height="10" fill={likertColour(tone(r.v, min, max))} />
      ))}
    </svg>
  );
}

export function Distributions({ lang, q, r }: { lang: Lang; q: Questionnaire; r: PresentedResults }) {
  const t = REPORT_TEXT[lang].results;
  const f = fmtFor(lang);
  const number = new Map(q.items.map((i, k) => [i.id, k + 1]));
  const scale = q.items[0]?.scale ?? { min: 1, max: 5 };
  const points = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  return (
    <section id="distributions">
      <h2>{t.distributionsTitle}</h2>
      <p class="muted small">{t.distributionsIntro(q.notApplicableLabel !== undefined)}</p>
      <ul class="legend">
        {points.map((v) => (
          <li>
            <Swatch colour={likertColour(tone(v, scale.min, scale.max))} />
            {q.scaleLabels[String(v)]?.[lang] ?? f.count(v)}
          </li>
        ))}
        <li>
          <Swatch colour={palette.dontKnow} />
          {q.dontKnowLabel[lang]}
        </li>
        {q.notApplicableLabel ? (
          <li>
            <Swatch colour={palette.notApplicable} />
            {q.notApplicableLabel[lang]}
          </li>
        ) : null}
      </ul>
      {r.sections.map((s, k) => (
        <details open={k === 0}>
          <summary>
            {s.title} <span class="muted">({f.score(s.score)})</span>
          </summary>
          <ul class="items">
            {r.items
              .filter((i) => i.section === s.id)
              .map((item) => (
                <li data-item={item.id}>
                  <p class="text">
                    <span class="num">{f.count(number.get(item.id) ?? 0)}.</span>
                    {item.text}
                    {item.reverse ? <span class="badge"> {t.reverse}</span> : null}
                  </p>
                  <DistributionBar lang={lang} q={q} item={item} />
                  <p class="figures">
                    {t.itemFigures(f.count(item.n), f.count(item.distribution.dontKnow ?? 0), q.notApplicableLabel ? f.count(item.distribution.notApplicable ?? 0) : null, f.score(item.score))}
                  </p>
                </li>
              ))}
          </ul>
        </details>
      ))}
    </section>
  );
}

export function Recommendations({ lang, q, r, actionForm }: { lang: Lang; q: Questionnaire; r: PresentedResults; actionForm?: (recommendationId: string) => Child }) {
  const t = REPORT_TEXT[lang].results;
  const f = fmtFor(lang);
  const number = new Map(q.items.map((i, k) => [i.id, k + 1]));
  const target = (rec: PresentedResults['recommendations'][number]) => {
    if ('section' in rec.target) {
      const id = rec.target.section;
      return t.targetSection(q.sections.find((s) => s.id === id)?.title[lang] ?? id);
    }
    const id = rec.target.item;
    return t.targetItem(f.count(number.get(id) ?? 0), q.items.find((i) => i.id === id)?.text[lang] ?? id);
  };
  return (
    <section id="recommendations">
      <h2>{t.recsTitle}</h2>
      <p class="muted small">{t.recsIntro}</p>
      {r.recommendations.length ? (
        <ol class="recs">
          {r.recommendations.map((rec) => (
            <li data-recommendation={rec.id}>
              <p class="head">
                <span class={`badge ${rec.priority}`}>{t.priority[rec.priority]}</span>
                <strong>{target(rec)}</strong>
                <span class="muted small">{t.figures(f.score(rec.score), f.score(rec.targetScore))}</span>
              </p>
              <p>{rec.text[lang]}</p>
              {/* In English where the questionnaire translates it; else the Persian original keeps its own direction. */}
              <blockquote>
                <p lang={rec.quote.lang} dir={rec.quote.lang === 'fa' ? 'rtl' : 'ltr'}>
                  {rec.quote.lang === 'fa' ? `«${rec.quote.text}»` : `“${rec.quote.text}”`}
                </p>
                <footer>
                  {t.source}: {rec.source.title}
                  {rec.source.note ? <span class="small"> · {rec.source.note[lang]}</span> : null}
                </footer>
              </blockquote>
              {actionForm?.(rec.id)}
            </li>
          ))}
        </ol>
      ) : (
        <p class="card">{t.recsEmpty}</p>
      )}
    </section>
  );
}
