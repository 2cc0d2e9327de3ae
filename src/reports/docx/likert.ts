import type { ChartConfiguration } from 'chart.js';
import { rtlLabel } from '../charts/index.js';
import type { DistributionsSection, LikertItem, ReportModel } from '../model/types.js';
import { diverging } from '../pdf/likertChart.js';
import { likertColour, palette } from '../pdf/palette.js';

// The PDF draws its Likert bars beside text it lays out itself; a Word document flows, so here each section
// gets one chart of its own with the items' numbers on the category axis, above the table of the same
// figures. Same diverging layout as the PDF (pdf/likertChart.ts): the middle answer straddles zero.

const ROW = 15;
const AXES = 30;

export const likertChartSize = (items: number, width: number) => ({ width, height: items * ROW + AXES });

export function likertOverviewConfig(items: LikertItem[], scale: DistributionsSection['scale'], rtl: boolean, locale: ReportModel['locale']): ChartConfiguration<'bar'> {
  const segments = items.map((i) => diverging(i.shares, scale));
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return {
    type: 'bar',
    data: {
      labels: items.map((i) => rtlLabel(i.number)),
      datasets: scale.map((point, k) => ({
        data: segments.map((s) => s[k]),
        backgroundColor: likertColour(point.tone),
        // Every segment of a row on the same line, not beside the others.
        grouped: false,
        barPercentage: 0.78,
        categoryPercentage: 1,
      })),
    },
    options: {
      indexAxis: 'y',
      locale,
      animation: false,
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: {
        x: {
          min: -100,
          max: 100,
          reverse: rtl,
          ticks: { stepSize: 50, font: { size: 8 }, color: palette.muted, callback: (v) => percent.format(Math.abs(Number(v)) / 100) },
          grid: { color: (c) => (c.tick?.value === 0 ? palette.muted : palette.rule) },
        },
        y: { position: rtl ? 'right' : 'left', ticks: { font: { size: 8 }, color: palette.ink, autoSkip: false }, grid: { display: false } },
      },
    },
  };
}
