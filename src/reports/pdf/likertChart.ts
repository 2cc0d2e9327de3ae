import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import { CHART_FONT_FAMILY } from '../charts/index.js';
import type { DistributionsSection, LikertItem } from '../model/types.js';
import { likertColour, palette } from './palette.js';

// The diverging stacked Likert chart of one page. Rows are laid out by the page (each as tall as its
// item's text), so the chart uses a linear y axis in points from the top of the image and places every
// bar at its row's centre; both axes are hidden, so the chart area is the whole image and the bars line up
// with the text beside them. The "don't know" and "not applicable" bars stand apart on their own track past
// the agree side.

/** Width of the part of the image that holds the diverging bars, and of the "don't know" track. */
export const LIKERT = { gap: 10, track: 40, reach: 118, bar: 10 } as const;

export interface LikertRow {
  item: LikertItem;
  /** Centre of the row, in points from the top of the image. */
  y: number;
}

export interface LikertGeometry {
  width: number;
  height: number;
  /** Value range of the hidden x axis. */
  min: number;
  max: number;
  /** Start of the "don't know" track, in x-axis units, and units per 100 % of it. */
  trackStart: number;
  trackUnits: number;
}

export function likertGeometry(width: number, height: number): LikertGeometry {
  const main = width - LIKERT.gap - LIKERT.track;
  const unitsPerPoint = (2 * LIKERT.reach) / main;
  const trackStart = LIKERT.reach + LIKERT.gap * unitsPerPoint;
  return { width, height, min: -LIKERT.reach, max: trackStart + LIKERT.track * unitsPerPoint, trackStart, trackUnits: LIKERT.track * unitsPerPoint };
}

type FloatingBar = { x: [number, number]; y: number };

export function likertConfig(
  rows: LikertRow[],
  scale: DistributionsSection['scale'],
  g: LikertGeometry,
  rtl: boolean,
): ChartConfiguration<'bar'> {
  const segments = rows.map((r) => diverging(r.item.shares, scale));
  const datasets = scale.map((point, k) => ({
    data: rows.map((r, i) => ({ x: segments[i][k], y: r.y })),
    backgroundColor: likertColour(point.tone),
    barThickness: LIKERT.bar,
    // Every segment of a row sits on the same line instead of beside the others.
    grouped: false,
  }));
  datasets.push({
    data: rows.map((r) => ({ x: [g.trackStart, g.trackStart + r.item.dontKnow * g.trackUnits] as [number, number], y: r.y })),
    backgroundColor: palette.dontKnow,
    barThickness: LIKERT.bar,
    grouped: false,
  });
  // "Not applicable" continues the same track after "don't know": the two shares never add up past 100 %.
  datasets.push({
    data: rows.map((r) => {
      const start = g.trackStart + r.item.dontKnow * g.trackUnits;
      return { x: [start, start + r.item.notApplicable * g.trackUnits] as [number, number], y: r.y };
    }),
    backgroundColor: palette.notApplicable,
    barThickness: LIKERT.bar,
    grouped: false,
  });
  // Chart.js parses {x: [start, end], y} as a floating bar; its bar typings only describe arrays of values.
  return {
    type: 'bar',
    data: { datasets: datasets as unknown as ChartConfiguration<'bar'>['data']['datasets'] },
    options: {
      indexAxis: 'y',
      animation: false,
      layout: { padding: 0, autoPadding: false },
      plugins: { legend: { display: false }, tooltip: { enabled: false } },
      scales: {
        x: { type: 'linear', min: g.min, max: g.max, reverse: rtl, display: false },
        y: { type: 'linear', min: 0, max: g.height, reverse: true, display: false, offset: false },
      },
    },
    plugins: [grid(rows, g), endLabels(rows, scale)],
  };
}

/** [start, end] of each scale point's segment: the middle point straddles 0, lower points go negative. */
export function diverging(shares: number[], scale: DistributionsSection['scale']): [number, number][] {
  const out: [number, number][] = shares.map(() => [0, 0]);
  const middle = scale.findIndex((p) => p.tone === 0);
  const half = middle >= 0 ? (shares[middle] * 100) / 2 : 0;
  if (middle >= 0) out[middle] = [-half, half];
  let low = -half;
  let high = half;
  for (let k = scale.length - 1; k >= 0; k--) {
    if (scale[k].tone >= 0) continue;
    out[k] = [low - shares[k] * 100, low];
    low -= shares[k] * 100;
  }
  for (let k = 0; k < scale.length; k++) {
    if (scale[k].tone <= 0) continue;
    out[k] = [high, high + shares[k] * 100];
    high += shares[k] * 100;
  }
  return out;
}

function grid(rows: LikertRow[], g: LikertGeometry): Plugin<'bar'> {
  return {
    id: 'mehvarLikertGrid',
    beforeDatasetsDraw(chart: Chart<'bar'>) {
      const { ctx } = chart;
      const x = chart.scales.x;
      ctx.save();
      for (const v of [-100, -50, 50, 100]) line(ctx, x.getPixelForValue(v), g.height, palette.rule, 0.6);
      line(ctx, x.getPixelForValue(0), g.height, palette.muted, 1);
      // The "don't know" track behind each bar.
      ctx.fillStyle = palette.wash;
      const [a, b] = [x.getPixelForValue(g.trackStart), x.getPixelForValue(g.trackStart + g.trackUnits)];
      for (const r of rows) ctx.fillRect(Math.min(a, b), r.y - LIKERT.bar / 2, Math.abs(b - a), LIKERT.bar);
      ctx.restore();
    },
  };
}

function line(ctx: CanvasRenderingContext2D, x: number, height: number, colour: string, width: number): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.beginPath();
  ctx.moveTo(x, 0);
  ctx.lineTo(x, height);
  ctx.stroke();
}

/** The share below and above the middle, written just past each end of the bar. */
function endLabels(rows: LikertRow[], scale: DistributionsSection['scale']): Plugin<'bar'> {
  return {
    id: 'mehvarLikertLabels',
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const { ctx } = chart;
      const x = chart.scales.x;
      ctx.save();
      ctx.font = `7px ${CHART_FONT_FAMILY}`;
      ctx.fillStyle = palette.muted;
      ctx.textBaseline = 'middle';
      for (const r of rows) {
        const segs = diverging(r.item.shares, scale);
        const low = Math.min(0, ...segs.map((s) => s[0]));
        const high = Math.max(0, ...segs.map((s) => s[1]));
        const [pl, ph] = [x.getPixelForValue(low), x.getPixelForValue(high)];
        const outward = Math.sign(ph - pl) || 1;
        ctx.textAlign = outward > 0 ? 'right' : 'left';
        ctx.fillText(r.item.lowLabel, pl - outward * 3, r.y);
        ctx.textAlign = outward > 0 ? 'left' : 'right';
        ctx.fillText(r.item.highLabel, ph + outward * 3, r.y);
      }
      ctx.restore();
    },
  };
}
