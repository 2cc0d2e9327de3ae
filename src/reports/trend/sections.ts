import { clampCi } from '../model/format.js';
import type { DirectedText, Table, TableRow } from '../model/types.js';
import { changeBetween, levelOf, movementOf, scoreAt, verdictOf, type Series, type SeriesChange } from './format.js';
import type { TrendCtx } from './model.js';
import { FORMULAS } from './strings.js';
import type {
  ChangeCard, LevelsSection, LineChart, LineSeries, MoversSection, SeriesId, TrendChartsSection, TrendMethodology, TrendSummary,
} from './types.js';

/** The change from the first assessment to the last (buildTrend lists it last when there are more than two). */
function firstToLast(ctx: TrendCtx, series: Series): SeriesChange | undefined {
  const { assessments } = ctx.t;
  return changeBetween(series, assessments[0]?.id, assessments[assessments.length - 1]?.id);
}

/** The compatibility note, when the questionnaire versions differ. */
export function compatibilityNote({ t, fmt, s }: TrendCtx): string | null {
  const c = t.compatibility;
  if (!c.versionsDiffer) return null;
  return s.compatibility(versionList({ t, fmt, s }), fmt.count(c.sharedItems), fmt.count(c.totalItems), fmt.ratio(c.value));
}

/** "1 and 2": the questionnaire versions compared. */
export function versionList({ t, fmt, s }: Pick<TrendCtx, 't' | 'fmt' | 's'>): string {
  const versions = [...new Set(t.assessments.map((a) => a.questionnaire.version))].sort((a, b) => a - b);
  return s.list(versions.map((v) => fmt.count(v)));
}

/** "Process improved by 12 points; the change is statistically significant (p = 0.010, d = 0.60)." */
export function changeSentence({ fmt, s }: TrendCtx, name: string, c: SeriesChange | undefined): string {
  if (!c || c.delta === null) return s.summary.noScore(name);
  const verdict = verdictOf(c);
  const stats = c.tested && c.p !== null ? s.summary.stats(fmt.pRelation(c.p), c.cohensD === null ? null : fmt.d(c.cohensD)) : null;
  return s.summary.moved(name, fmt.points(c.delta), movementOf(c.delta)) + s.summary.verdict(verdict, stats);
}

export function summarySection(ctx: TrendCtx): TrendSummary {
  const { t, fmt, s, dates, main } = ctx;
  const first = t.assessments[0];
  const last = t.assessments[t.assessments.length - 1];
  const cards: ChangeCard[] = main.map((series) => {
    const c = firstToLast(ctx, series);
    const delta = c?.delta ?? null;
    return {
      id: series.id as SeriesId,
      name: series.name,
      from: fmt.score(scoreAt(series, first.id)),
      to: fmt.score(scoreAt(series, last.id)),
      delta: fmt.signed(delta),
      trend: delta === null ? null : movementOf(delta),
      verdict: c && delta !== null ? s.summary.cardVerdict[verdictOf(c)] : s.summary.noScoreCard,
    };
  });
  return {
    title: s.summary.title,
    // Isolated: a name typed in the other script keeps its own direction inside the sentence.
    intro: s.summary.intro(fmt.count(t.assessments.length), `\u2068${ctx.organization.text}\u2069`, dates.get(first.id)!, dates.get(last.id)!),
    cards,
    sentencesTitle: s.summary.sentencesTitle,
    sentences: main.map((series) => changeSentence(ctx, series.name, firstToLast(ctx, series))),
    compatibility: compatibilityNote(ctx),
  };
}

const Y_MARGIN = 5;
const Y_MIN_SPAN = 30;

/** The axis range that holds every score and interval with a margin, in steps of 10 within 0–100. */
export function yRange(values: number[]): { yMin: number; yMax: number } {
  if (values.length === 0) return { yMin: 0, yMax: 100 };
  let yMin = Math.max(0, Math.floor((Math.min(...values) - Y_MARGIN) / 10) * 10);
  let yMax = Math.min(100, Math.ceil((Math.max(...values) + Y_MARGIN) / 10) * 10);
  while (yMax - yMin < Y_MIN_SPAN) {
    if (yMin > 0) yMin -= 10;
    if (yMax - yMin < Y_MIN_SPAN && yMax < 100) yMax += 10;
  }
  return { yMin, yMax };
}

export function chartsSection(ctx: TrendCtx): TrendChartsSection {
  const { t, fmt, s, dates, main } = ctx;
  const labels = t.assessments.map((a) => dates.get(a.id)!);
  const line = (series: Series, withCi: boolean): LineSeries => ({
    id: series.id as SeriesId,
    label: series.name,
    values: series.points.map((p) => p.score),
    // Scores cannot leave 0–100, so neither does the band (as in the tables: clampCi).
    ci: withCi ? series.points.map((p) => (p.ci95 ? clampCi(p.ci95) : null)) : null,
    valueLabels: series.points.map((p) => fmt.score(p.score)),
  });
  const chart = (title: string, series: LineSeries[]): LineChart => {
    const values = series.flatMap((l) => [...l.values, ...(l.ci ?? []).flatMap((c) => c ?? [])]).filter((v): v is number => v !== null);
    return { title, labels, series, ...yRange(values), scoreLabel: s.charts.scoreLabel, ciLabel: s.charts.ciLabel };
  };
  return {
    title: s.charts.title,
    intro: s.charts.intro,
    overview: chart(s.charts.overview, main.map((series) => line(series, false))),
    dimensions: t.dimensions.map((d) => chart(d.name, [line(d, true)])),
  };
}

export function levelsSection(ctx: TrendCtx): LevelsSection {
  const { t, fmt, s, dates, main } = ctx;
  const cell = (text: string): DirectedText => ({ text, dir: fmt.dir });
  const n = t.assessments.length;
  const table: Table = {
    columns: [{ label: s.levels.group, weight: 1.4 }, ...t.assessments.map((a) => ({ label: dates.get(a.id)!, weight: 4.2 / n }))],
    rows: main.map((series, i): TableRow => ({
      cells: [cell(series.name), ...series.points.map((p) => {
        const l = levelOf(p);
        return cell(l ? s.levels.level(fmt.count(l.value), l.name ?? '') : '—');
      })],
      emphasis: i === 0,
    })),
  };
  const sentences = main.flatMap((series) =>
    series.points.slice(1).flatMap((b, k) => {
      const a = series.points[k];
      const [from, to] = [levelOf(a), levelOf(b)];
      if (!from || !to || from.value === to.value) return [];
      const ref = (l: typeof from) => s.levels.levelRef(fmt.count(l.value), l.name ?? '');
      const say = to.value > from.value ? s.levels.rose : s.levels.fell;
      return [say(series.name, ref(from), ref(to), dates.get(a.assessmentId)!, dates.get(b.assessmentId)!)];
    }),
  );
  return { title: s.levels.title, intro: s.levels.intro, table, sentences: sentences.length ? sentences : [s.levels.none] };
}

export function moversSection({ t, fmt, s }: TrendCtx): MoversSection {
  const c = s.movers.columns;
  const cell = (text: string): DirectedText => ({ text, dir: fmt.dir });
  const table = (movers: PresentedMover[]): Table | null =>
    movers.length === 0
      ? null
      : {
          columns: [
            { label: c.item, weight: 4 },
            { label: c.source, weight: 1.6 },
            { label: c.before, weight: 0.75, numeric: true },
            { label: c.after, weight: 0.75, numeric: true },
            { label: c.change, weight: 0.85, numeric: true },
          ],
          // The seed text each item comes from, by title.
          rows: movers.map((m) => ({
            cells: [fmt.directed(m.text), cell(m.source), cell(fmt.score(m.from)), cell(fmt.score(m.to)), cell(fmt.signed(m.delta))],
          })),
        };
  const { up, down } = t.movers;
  return {
    title: s.movers.title,
    intro: up.length + down.length ? s.movers.intro : s.movers.none,
    upTitle: s.movers.upTitle,
    up: table(up),
    downTitle: s.movers.downTitle,
    down: table(down),
    empty: s.movers.empty,
  };
}

type PresentedMover = TrendCtx['t']['movers']['up'][number];

export function methodologySection(ctx: TrendCtx): TrendMethodology {
  const m = ctx.s.methodology;
  const note = compatibilityNote(ctx);
  return {
    title: m.title,
    blocks: [
      { ...m.change, formulas: [...FORMULAS.change] },
      { ...m.welch, formulas: [...FORMULAS.welch] },
      { ...m.effect, formulas: [...FORMULAS.effect] },
      { ...m.overall, formulas: [] },
      { heading: m.compatibility.heading, paragraphs: note ? [...m.compatibility.paragraphs, note] : m.compatibility.paragraphs, formulas: [...FORMULAS.compatibility] },
      { ...m.caution, formulas: [] },
    ],
  };
}
