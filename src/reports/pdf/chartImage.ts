import type { ChartConfiguration, ChartType } from 'chart.js';
import { ChartRenderer, type ChartSize } from '../charts/index.js';
import type { PdfDoc } from '../text/pdfkit-types.js';
import { opaqueImage, type ChartImage } from './opaquePng.js';

// One renderer per process (or worker thread): it keeps one Chart.js canvas per chart size, and every
// chart is drawn on its white background, which is what lets opaqueImage drop the alpha channel.
let renderer: ChartRenderer | undefined;

/** Pixels per point of a chart image: print resolution, 2× its size on the page. */
export const CHART_SCALE = 2;

/**
 * Renders a chart at its size on the page (in points, which Chart.js treats as CSS pixels) at print
 * resolution, as an opaque image PDFKit embeds without re-encoding (see opaquePng.ts).
 */
export async function renderChart<T extends ChartType>(config: ChartConfiguration<T>, size: ChartSize): Promise<ChartImage> {
  renderer ??= new ChartRenderer({ devicePixelRatio: CHART_SCALE });
  return opaqueImage(await renderer.render(config, size));
}

interface Placement {
  page: number;
  render: () => Promise<ChartImage>;
  x: number;
  y: number;
  size: ChartSize;
  /** Height of the part of the image to show, from its top (the rest is cut off). */
  visibleHeight: number;
}

/** Charts drawn at once: enough to overlap one chart's PNG encoding with the next one's drawing. */
const IN_FLIGHT = 2;

/**
 * Charts are queued where they belong in the layout and drawn once all pages are laid out, a couple at
 * a time: one chart's PNG encoding (on libuv's thread pool) then overlaps the drawing of the next,
 * while only a few canvases are alive at once. Pages are buffered, so each image lands on its own page.
 */
export class ChartPlacer {
  private readonly pending: Placement[] = [];

  constructor(private readonly doc: PdfDoc) {}

  place<T extends ChartType>(config: ChartConfiguration<T>, size: ChartSize, x: number, y: number, visibleHeight = size.height): void {
    const { start, count } = this.doc.bufferedPageRange();
    this.pending.push({ page: start + count - 1, render: () => renderChart(config, size), x, y, size, visibleHeight });
  }

  async placeAll(): Promise<void> {
    const images: (Promise<ChartImage> | undefined)[] = [];
    const start = (i: number) => {
      if (i >= this.pending.length || images[i]) return;
      const image = this.pending[i].render();
      // Awaited below in order; until then a failure must not count as unhandled.
      image.catch(() => {});
      images[i] = image;
    };
    for (let i = 0; i < IN_FLIGHT; i++) start(i);
    for (const [i, p] of this.pending.entries()) {
      const image = await images[i];
      start(i + IN_FLIGHT);
      this.doc.switchToPage(p.page);
      this.doc.save().rect(p.x, p.y, p.size.width, p.visibleHeight).clip();
      this.doc.image(image as never, p.x, p.y, { width: p.size.width, height: p.size.height });
      this.doc.restore();
    }
    this.pending.length = 0;
  }
}
