import type { BreakdownGroup } from '../../domain/breakdowns.js';
import type { PresentedResults } from '../../domain/presentResults.js';
import type { PresentedTrend } from '../../domain/presentTrend.js';
import { palette, withAlpha } from '../../reports/pdf/palette.js';
import { localeOf, type Lang } from '../shared/i18n.js';
import { REPORT_TEXT } from './messages.js';

// Chart.js configurations as plain JSON, drawn in the browser by app.js (which adds what JSON cannot carry:
// number formatting, the CI whiskers and the values on the bars). The colours and the right-to-left
// conventions are the PDF's (src/reports/pdf/charts.ts): in Persian the value axis of horizontal bars runs
// right to left with the categories on the right, and the first category (or assessment) is on the right.

export interface ChartSpec {
  locale: string;
  rtl: boolean;
  ink: string;
  charts: Record<string, ChartConfig>;
}

export interface ChartConfig {
  type: 'radar' | 'bar' | 'line';
  data: { labels: Array<string | string[]>; datasets: Array<Record<string, unknown>> };
  options: Record<string, unknown>;
  /** Height of the chart's box in rem (set by app.js). */
  height?: number;
}

/** Long category names become several lines instead of squeezing the plot at 360 px. */
export function wrapLabel(text: string, max = 24): string | string[] {
  if (text.length <= max) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const grid = { color: palette.rule };
const percentAxis = (rtl: boolean, horizontal: boolean) => ({
  min: 0,
  max: 100,
  ...(horizontal ? { reverse: rtl } : { position: rtl ? 'right' : 'left' }),
  ticks: { stepSize: 20, color: palette.muted },
  grid,
});

export function resultsCharts(r: PresentedResults, lang: Lang): ChartSpec {
  const t = REPORT_TEXT[lang].results;
  const rtl = lang === 'fa';
  const charts: Record<string, ChartConfig> = {};
  const dims = r.dimensions;

  const radar: ChartConfig['data']['datasets'] = [
    { label: t.scoreLabel, data: dims.map((d) => d.score), backgroundColor: withAlpha(palette.primary, 0.22), borderColor: palette.primary, borderWidth: 2, pointRadius: 4, pointBackgroundColor: palette.primary },
  ];
  if (dims.some((d) => d.target !== null))
    radar.push({ label: t.targetLabel, data: dims.map((d) => d.target), fill: false, borderColor: palette.accent, borderDash: [6, 4], borderWidth: 2, pointRadius: 3, pointBackgroundColor: palette.accent, spanGaps: true });
  charts.radar = {
    type: 'radar',
    data: { labels: dims.map((d) => d.name), datasets: radar },
    options: {
      plugins: { legend: { position: 'bottom' } },
      scales: {
        r: {
          min: 0,
          max: 100,
          ticks: { stepSize: 20, color: palette.muted, backdropColor: 'rgba(255,255,255,0.85)', font: { size: 11 } },
          pointLabels: { font: { size: 15, weight: 'bold' }, color: palette.ink },
          grid,
          angleLines: grid,
        },
      },
    },
    height: 22,
  };

  const bars = [
    ...r.levels.map((l) => ({ label: l.name, score: l.score, ci: l.ci95, colour: palette.levelBar })),
    ...r.sections.map((s) => ({ label: s.title, score: s.score, ci: s.ci95, colour: palette.sectionBar })),
  ];
  charts.scores = {
    type: 'bar',
    data: {
      labels: bars.map((b) => wrapLabel(b.label)),
      datasets: [{ label: t.scoreLabel, data: bars.map((b) => b.score), backgroundColor: bars.map((b) => b.colour), ci: bars.map((b) => b.ci), whiskerColor: palette.whisker, borderRadius: 3, barPercentage: 0.75 }],
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false }, mehvarValues: { display: true } },
      scales: {
        x: percentAxis(rtl, true),
        y: { position: rtl ? 'right' : 'left', grid: { display: false }, ticks: { color: palette.ink, autoSkip: false, font: { size: 12 } } },
      },
    },
    height: bars.length * 3 + 3,
  };

  const roleName = (g: string) => t.roleNames[g] ?? g;
  const groups = (list: BreakdownGroup[], name: (g: string) => string): ChartConfig | undefined => {
    const shown = list.filter((g) => !g.suppressed && g.dimensions);
    if (!shown.length) return undefined;
    return {
      type: 'bar',
      data: {
        labels: shown.map((g) => wrapLabel(name(g.group), 14)),
        datasets: dims.map((d) => ({
          label: d.name,
          data: shown.map((g) => g.dimensions!.find((x) => x.id === d.id)?.score ?? null),
          backgroundColor: palette.dimensions[d.id],
          borderRadius: 2,
        })),
      },
      options: {
        plugins: { legend: { position: 'top' } },
        scales: { x: { reverse: rtl, grid: { display: false }, ticks: { color: palette.ink, autoSkip: false } }, y: percentAxis(rtl, false) },
      },
      height: 18,
    };
  };
  const roles = groups(r.breakdowns.role, roleName);
  if (roles) charts.roles = roles;
  const departments = groups(r.breakdowns.department, (g) => g);
  if (departments) charts.departments = departments;

  return { locale: localeOf(lang), rtl, ink: palette.ink, charts };
}

/** One line chart per dimension: the score over the assessments, with its 95% CI as a shaded band. */
export function trendCharts(tr: PresentedTrend, lang: Lang): ChartSpec {
  const t = REPORT_TEXT[lang].compare;
  const rtl = lang === 'fa';
  const labels = tr.assessments.map((a) => wrapLabel(a.title, 14));
  const charts: Record<string, ChartConfig> = {};
  for (const d of tr.dimensions) {
    const colour = palette.dimensions[d.id as keyof typeof palette.dimensions] ?? palette.primary;
    const band = { pointRadius: 0, pointHitRadius: 0, borderWidth: 0, borderColor: 'transparent', spanGaps: false };
    charts[`trend-${d.id}`] = {
      type: 'line',
      data: {
        labels,
        datasets: [
          { ...band, label: t.ciLow, tooltipLabel: t.ciLow, legendHidden: true, data: d.points.map((p) => p.ci95?.[0] ?? null), fill: false },
          { ...band, label: t.ciBand, tooltipLabel: t.ciHigh, data: d.points.map((p) => p.ci95?.[1] ?? null), fill: '-1', backgroundColor: withAlpha(colour, 0.25) },
          { label: d.name, tooltipLabel: t.score, data: d.points.map((p) => p.score), borderColor: colour, backgroundColor: colour, borderWidth: 3, pointRadius: 5, fill: false, tension: 0 },
        ],
      },
      options: {
        plugins: { legend: { position: 'bottom' }, filler: { propagate: false } },
        interaction: { mode: 'index', intersect: false },
        // offset: half a category of room at each end, so the first and last titles are not cut off.
        scales: { x: { reverse: rtl, offset: true, grid: { display: false }, ticks: { color: palette.ink, autoSkip: false, maxRotation: 0 } }, y: percentAxis(rtl, false) },
      },
      height: 17,
    };
  }
  return { locale: localeOf(lang), rtl, ink: palette.ink, charts };
}
