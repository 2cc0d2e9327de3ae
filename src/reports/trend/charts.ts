import type { Chart, ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
import { CHART_FONT_FAMILY, rtlLabel } from '../charts/index.js';
import { palette, withAlpha } from '../pdf/palette.js';
import type { LineChart, SeriesId, TrendReportModel } from './types.js';

// Line charts of scores over time. In a right-to-left report time runs right to left (the oldest
// assessment on the right), the score axis stands on the right and the legend reads right to left;
// Persian labels are isolated (rtlLabel) so node-canvas lays them out right to left.

type Locale = TrendReportModel['locale'];
const TICK = { size: 8 };
const LABEL = { size: 9 };
/** Maturity bands are 20 points wide: their boundaries are drawn stronger than the other grid lines. */
const BAND = 20;
/** The lower CI bound: drawn invisibly for the band above it to fill down to, and left out of the legend. */
const HIDDEN = '';
/** Height a point label needs above its point, in CSS pixels. */
const LABEL_ROOM = 16;

export const seriesColour = (id: SeriesId): string => (id === 'overall' ? palette.ink : palette.dimensions[id]);

export function lineChartConfig(chart: LineChart, rtl: boolean, locale: Locale): ChartConfiguration<'line'> {
  const datasets: ChartDataset<'line'>[] = [];
  const single = chart.series.length === 1;
  for (const s of chart.series) {
    const colour = seriesColour(s.id);
    if (s.ci) {
      const band = { borderWidth: 0, pointRadius: 0, pointHoverRadius: 0, borderColor: 'transparent', spanGaps: true };
      datasets.push({ ...band, label: HIDDEN, data: s.ci.map((c) => c?.[0] ?? null), fill: false });
      datasets.push({ ...band, label: rtlLabel(chart.ciLabel), data: s.ci.map((c) => c?.[1] ?? null), fill: '-1', backgroundColor: withAlpha(colour, 0.16) });
    }
    datasets.push({
      label: rtlLabel(single ? chart.scoreLabel : s.label),
      data: s.values,
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: s.id === 'overall' && !single ? 2.6 : 2,
      pointRadius: 3.5,
      pointBackgroundColor: colour,
      fill: false,
      spanGaps: true,
    });
  }
  return {
    type: 'line',
    data: { labels: chart.labels.map(rtlLabel), datasets },
    options: {
      locale,
      animation: false,
      layout: { padding: { top: 4, left: 6, right: 6 } },
      plugins: {
        legend: {
          position: 'top',
          rtl,
          labels: { boxWidth: 14, boxHeight: 8, font: LABEL, color: palette.ink, filter: (item) => item.text !== HIDDEN },
        },
      },
      scales: {
        x: { reverse: rtl, offset: true, ticks: { font: LABEL, color: palette.ink }, grid: { display: false } },
        y: {
          min: chart.yMin,
          max: chart.yMax,
          position: rtl ? 'right' : 'left',
          ticks: { stepSize: 10, font: TICK, color: palette.muted },
          grid: { color: (c) => (c.tick && c.tick.value % BAND === 0 ? palette.faint : palette.rule), lineWidth: (c) => (c.tick && c.tick.value % BAND === 0 ? 0.8 : 0.5) },
          title: { display: true, text: rtlLabel(chart.scoreLabel), font: TICK, color: palette.muted },
        },
      },
    },
    plugins: single ? [pointLabels(chart)] : [],
  };
}

/** The score written above each point of a one-series chart (the last dataset is the score line). */
function pointLabels(chart: LineChart): Plugin<'line'> {
  const labels = chart.series[0].valueLabels;
  return {
    id: 'mehvarPointLabels',
    afterDatasetsDraw(c: Chart<'line'>) {
      const { ctx } = c;
      const meta = c.getDatasetMeta(c.data.datasets.length - 1);
      ctx.save();
      ctx.font = `bold 8px ${CHART_FONT_FAMILY}`;
      ctx.fillStyle = palette.ink;
      ctx.textAlign = 'center';
      ctx.strokeStyle = palette.white;
      ctx.lineWidth = 3;
      ctx.lineJoin = 'round';
      meta.data.forEach((point, i) => {
        const value = chart.series[0].values[i];
        if (value === null || value === undefined) return;
        // Above the point, or below it when the point is too close to the legend above the plot.
        const below = point.y - c.chartArea.top < LABEL_ROOM;
        const y = below ? point.y + 6 : point.y - 6;
        ctx.textBaseline = below ? 'top' : 'bottom';
        // A white halo keeps the figure readable over the band and the line.
        ctx.strokeText(labels[i], point.x, y);
        ctx.fillText(labels[i], point.x, y);
      });
      ctx.restore();
    },
  };
}
