import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import { CHART_FONT_FAMILY, rtlLabel } from '../charts/index.js';
import type { GroupBlock, ProfileSection, ReportModel, ScoreBar } from '../model/types.js';
import { palette, withAlpha } from './palette.js';

// Chart.js configurations. In a right-to-left report the category axis of horizontal bars stands on the
// right, value axes run right to left, the first category of vertical bars is on the right, and legends
// read right to left; Persian labels are isolated (rtlLabel) so node-canvas lays them out right to left.

type Locale = ReportModel['locale'];
const TICK = { size: 8 };
const LABEL = { size: 9 };

export function radarConfig(radar: ProfileSection['radar'], rtl: boolean, locale: Locale): ChartConfiguration<'radar'> {
  const datasets: ChartConfiguration<'radar'>['data']['datasets'] = [
    {
      label: rtlLabel(radar.scoreLabel),
      data: radar.scores,
      backgroundColor: withAlpha(palette.primary, 0.22),
      borderColor: palette.primary,
      borderWidth: 2,
      pointRadius: 3,
      pointBackgroundColor: palette.primary,
    },
  ];
  if (radar.targets)
    datasets.push({
      label: rtlLabel(radar.targetLabel),
      data: radar.targets,
      fill: false,
      borderColor: palette.accent,
      borderDash: [6, 4],
      borderWidth: 1.6,
      pointRadius: 2,
      pointBackgroundColor: palette.accent,
    });
  return {
    type: 'radar',
    data: { labels: radar.labels.map(rtlLabel), datasets },
    options: {
      locale,
      animation: false,
      plugins: { legend: { position: 'bottom', rtl, labels: { boxWidth: 14, font: LABEL, color: palette.ink } } },
      scales: {
        r: {
          min: 0,
          max: 100,
          ticks: { stepSize: 20, font: { size: 7 }, color: palette.muted, backdropColor: 'rgba(255,255,255,0.85)' },
          pointLabels: { font: { size: 11, weight: 'bold' }, color: palette.ink },
          grid: { color: palette.rule },
          angleLines: { color: palette.rule },
        },
      },
    },
  };
}

/** Horizontal bars with 95% CI whiskers and the score written at the bar's base. */
export function scoreBarsConfig(bars: ScoreBar[], scoreLabel: string, rtl: boolean, locale: Locale): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: bars.map((b) => rtlLabel(b.label)),
      datasets: [
        {
          data: bars.map((b) => b.score),
          backgroundColor: bars.map((b) => (b.kind === 'level' ? palette.levelBar : palette.sectionBar)),
          barPercentage: 0.72,
          categoryPercentage: 0.92,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      locale,
      animation: false,
      plugins: { legend: { display: false } },
      scales: {
        x: {
          min: 0,
          max: 100,
          reverse: rtl,
          ticks: { stepSize: 20, font: TICK, color: palette.muted },
          grid: { color: palette.rule },
          title: { display: true, text: rtlLabel(scoreLabel), font: TICK, color: palette.muted },
        },
        y: { position: rtl ? 'right' : 'left', ticks: { font: LABEL, color: palette.ink }, grid: { display: false } },
      },
    },
    plugins: [whiskers(bars), baseLabels(bars)],
  };
}

export function groupBarsConfig(chart: NonNullable<GroupBlock['chart']>, rtl: boolean, locale: Locale): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: chart.categories.map(rtlLabel),
      datasets: chart.series.map((s) => ({
        label: rtlLabel(s.label),
        data: s.values,
        backgroundColor: palette.dimensions[s.id],
        barPercentage: 0.85,
        categoryPercentage: 0.7,
        maxBarThickness: 26,
      })),
    },
    options: {
      locale,
      animation: false,
      plugins: { legend: { position: 'top', rtl, labels: { boxWidth: 12, font: LABEL, color: palette.ink } } },
      scales: {
        x: { reverse: rtl, ticks: { font: LABEL, color: palette.ink }, grid: { display: false } },
        y: { min: 0, max: 100, position: rtl ? 'right' : 'left', ticks: { stepSize: 20, font: TICK, color: palette.muted }, grid: { color: palette.rule } },
      },
    },
  };
}

// Inline plugins: they read the bars' pixel positions after Chart.js has laid them out.

function whiskers(bars: ScoreBar[]): Plugin<'bar'> {
  return {
    id: 'mehvarWhiskers',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const { ctx } = chart;
      const x = chart.scales.x;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.strokeStyle = palette.whisker;
      ctx.lineWidth = 1.1;
      bars.forEach((bar, i) => {
        const el = meta.data[i] as unknown as { y: number; height: number } | undefined;
        if (!bar.ci || !el) return;
        const [x0, x1] = bar.ci.map((v) => x.getPixelForValue(v));
        const cap = el.height * 0.28;
        ctx.beginPath();
        ctx.moveTo(x0, el.y);
        ctx.lineTo(x1, el.y);
        for (const xe of [x0, x1]) {
          ctx.moveTo(xe, el.y - cap);
          ctx.lineTo(xe, el.y + cap);
        }
        ctx.stroke();
      });
      ctx.restore();
    },
  };
}

function baseLabels(bars: ScoreBar[]): Plugin<'bar'> {
  return {
    id: 'mehvarBaseLabels',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const { ctx } = chart;
      const x = chart.scales.x;
      const meta = chart.getDatasetMeta(0);
      const base = x.getPixelForValue(0);
      const forward = Math.sign(x.getPixelForValue(100) - base) || 1;
      ctx.save();
      ctx.font = `bold 8px ${CHART_FONT_FAMILY}`;
      ctx.textBaseline = 'middle';
      bars.forEach((bar, i) => {
        const el = meta.data[i] as unknown as { y: number } | undefined;
        if (bar.score === null || !el) return;
        // Inside the bar, white, when it is long enough; just past its end otherwise.
        const inside = bar.score >= 12;
        const at = inside ? base + forward * 4 : x.getPixelForValue(bar.score) + forward * 4;
        ctx.fillStyle = inside ? palette.white : palette.ink;
        ctx.textAlign = forward > 0 ? 'left' : 'right';
        ctx.fillText(bar.valueLabel, at, el.y);
      });
      ctx.restore();
    },
  };
}
