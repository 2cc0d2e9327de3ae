import type { ChartConfiguration } from 'chart.js';
import { rtlLabel } from '../charts/index.js';
import type { CustomerViewSection } from '../model/customerView.js';
import type { ReportModel } from '../model/types.js';
import { CONTENT, GAP, SIZE, type Layout } from './layout.js';
import { palette } from './palette.js';
import { drawTable } from './tableBlock.js';

const ROW_HEIGHT = 20;
const QUOTE_INDENT = 10;

/** "In the customers' eyes": paired bars per factor (staff against customers), the gaps ranked, recommendations. */
export function drawCustomerView(l: Layout, s: CustomerViewSection): void {
  l.title(s.title);
  if (s.notShown) {
    l.paragraph(s.notShown, {}, GAP.block);
    return;
  }
  l.paragraph(s.intro, {}, GAP.block);
  if (s.chart) {
    const size = { width: Math.round(CONTENT.width), height: 40 + ROW_HEIGHT * s.chart.categories.length };
    l.ensure(size.height);
    l.charts.place(pairedBarsConfig(s.chart, l.rtl, l.locale), size, CONTENT.left, l.y);
    l.y += size.height + GAP.block;
  }
  if (s.table) {
    l.heading(s.rankedTitle, 120, SIZE.subheading + 1);
    drawTable(l, s.table, { size: SIZE.small });
  }
  for (const note of s.notes) l.paragraph(note, { size: SIZE.small, color: palette.muted });
  l.y += GAP.block;
  if (!s.recommendations.length) return;
  l.heading(s.recommendationsTitle, 90, SIZE.subheading + 1);
  const quoteWidth = CONTENT.width - QUOTE_INDENT;
  for (const r of s.recommendations) {
    const height = 14 + l.measure(r.text, CONTENT.width) + l.measure(r.source, CONTENT.width, { size: SIZE.tiny }) + l.measure(r.quote, quoteWidth, { size: SIZE.small }) + GAP.block;
    l.ensure(height);
    let y = l.y;
    y += l.textAt(r.factor, CONTENT.left, y, CONTENT.width, { font: 'bold', color: palette.primaryDark }) + 2;
    y += l.textAt(r.text, CONTENT.left, y, CONTENT.width) + 3;
    y += l.textAt(r.source, CONTENT.left, y, CONTENT.width, { size: SIZE.tiny, color: palette.faint }) + 2;
    y += l.textAt(r.quote, l.xAt(QUOTE_INDENT, quoteWidth), y, quoteWidth, { size: SIZE.small, color: palette.muted });
    l.y = y + GAP.block;
  }
}

/** Horizontal bars, two per factor: staff in the report's primary colour, customers in the accent. */
export function pairedBarsConfig(chart: NonNullable<CustomerViewSection['chart']>, rtl: boolean, locale: ReportModel['locale']): ChartConfiguration<'bar'> {
  const bars = (label: string, data: (number | null)[], colour: string) => ({ label: rtlLabel(label), data, backgroundColor: colour, barPercentage: 0.9, categoryPercentage: 0.78 });
  return {
    type: 'bar',
    data: { labels: chart.categories.map(rtlLabel), datasets: [bars(chart.staffLabel, chart.staff, palette.primary), bars(chart.customersLabel, chart.customers, palette.accent)] },
    options: {
      indexAxis: 'y',
      locale,
      animation: false,
      plugins: { legend: { position: 'top', rtl, labels: { boxWidth: 12, font: { size: 9 }, color: palette.ink } } },
      scales: {
        x: { min: 0, max: 100, reverse: rtl, ticks: { stepSize: 20, font: { size: 8 }, color: palette.muted }, grid: { color: palette.rule } },
        y: { position: rtl ? 'right' : 'left', ticks: { font: { size: 9 }, color: palette.ink }, grid: { display: false } },
      },
    },
  };
}
