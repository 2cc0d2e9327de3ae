import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ChartConfiguration, ChartType } from 'chart.js';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { CHART_FONT_FAMILY, registerChartFonts } from './fonts.js';

export interface ChartSize {
  /** Layout size in CSS pixels; the PNG has `devicePixelRatio` times as many pixels each way. */
  width: number;
  height: number;
}

/** A rendered chart's pixels: cairo's ARGB32 (one native-endian 32-bit value each), premultiplied alpha, rows top to bottom. */
export interface ChartPixels {
  data: Buffer;
  width: number;
  height: number;
}

export interface ChartRendererOptions {
  /** 2 gives ~150 dpi for a chart drawn at its layout size in points: sharp on paper. */
  devicePixelRatio?: number;
  /** Fill behind the chart, white by default; `null` leaves the PNG transparent. */
  backgroundColour?: string | null;
}

/**
 * Renders Chart.js configurations to PNG. Keeps one ChartJSNodeCanvas (and with it one Chart.js
 * instance, whose defaults carry the Vazirmatn font) per chart size, reused for every chart of that size.
 */
export class ChartRenderer {
  private readonly canvases = new Map<string, ChartJSNodeCanvas>();
  private readonly devicePixelRatio: number;
  private readonly backgroundColour: string | undefined;

  constructor(options: ChartRendererOptions = {}) {
    registerChartFonts();
    this.devicePixelRatio = options.devicePixelRatio ?? 2;
    this.backgroundColour = options.backgroundColour === null ? undefined : (options.backgroundColour ?? 'white');
  }

  async render<T extends ChartType>(config: ChartConfiguration<T>, size: ChartSize): Promise<Buffer> {
    return this.canvasFor(size).renderToBuffer(await this.prepare(config), 'image/png');
  }

  /**
   * The same chart as pixels (cairo's ARGB32, premultiplied), rows top to bottom, for the PDF, which
   * compresses them itself: encoding a PNG only to decode it again cost a 1,000-respondent report about
   * half of its drawing time (issue 14).
   */
  async renderPixels<T extends ChartType>(config: ChartConfiguration<T>, size: ChartSize): Promise<ChartPixels> {
    // 'raw' is documented by chartjs-node-canvas (and node-canvas) but missing from its declared types.
    const data = this.canvasFor(size).renderToBufferSync(await this.prepare(config), 'raw' as 'image/png');
    const width = Math.round(size.width * this.devicePixelRatio);
    const height = data.length / (4 * width);
    if (!Number.isInteger(height)) throw new Error(`chart pixels: ${data.length} bytes is not a whole number of ${width}-pixel rows`);
    return { data, width, height };
  }

  private async prepare<T extends ChartType>(config: ChartConfiguration<T>): Promise<ChartConfiguration> {
    // node-canvas frees native memory only when the event loop turns: back-to-back renders without a
    // turn grow by ~2 MB per chart.
    await nextTurn();
    // ChartJSNodeCanvas writes `responsive` and `animation` into the options it is given: copy them.
    return { ...config, options: { ...config.options, devicePixelRatio: this.devicePixelRatio } } as ChartConfiguration;
  }

  private canvasFor({ width, height }: ChartSize): ChartJSNodeCanvas {
    const key = `${width}x${height}`;
    let canvas = this.canvases.get(key);
    if (!canvas) {
      canvas = new ChartJSNodeCanvas({
        width,
        height,
        backgroundColour: this.backgroundColour,
        chartCallback: (chart) => {
          chart.defaults.font.family = CHART_FONT_FAMILY;
          localiseZeroTicks(chart.defaults.scales as unknown as Record<string, ScaleDefaults | undefined>);
        },
      });
      this.canvases.set(key, canvas);
    }
    return canvas;
  }
}

type TickCallback = (this: { chart: { options: { locale?: string } } }, value: unknown, ...rest: unknown[]) => unknown;

interface ScaleDefaults {
  ticks: { callback: TickCallback };
}

// Chart.js's numeric tick formatter returns a literal '0' for zero before it looks at the locale, so a
// Persian axis reads ۱۰۰ … ۲۰ 0. Each ChartJSNodeCanvas has its own Chart.js, so this stays local.
function localiseZeroTicks(scales: Record<string, ScaleDefaults | undefined>): void {
  for (const id of ['linear', 'radialLinear']) {
    const ticks = scales[id]?.ticks;
    if (!ticks) continue;
    const numeric = ticks.callback;
    ticks.callback = function (value, ...rest) {
      if (value === 0) return new Intl.NumberFormat(this.chart.options.locale).format(0);
      return numeric.call(this, value, ...rest);
    };
  }
}
