import type { ChartConfiguration, ChartType } from 'chart.js';
import { ChartRenderer, type ChartSize } from '../charts/index.js';
import type { PdfDoc } from '../text/pdfkit-types.js';
import { opaqueImage, type ChartImage } from './opaqueImage.js';

// One renderer per process (or worker thread): it keeps one Chart.js canvas per chart size.
let renderer: ChartRenderer | undefined;

/** Pixels per point of a chart image: print resolution, 2× its size on the page. */
export const CHART_SCALE = 2;

/**
 * Renders a chart at its size on the page (in points, which Chart.js treats as CSS pixels) at print
 * resolution, as an opaque image PDFKit embeds without re-encoding (see opaqueImage.ts).
 */
export async function renderChart<T extends ChartType>(config: ChartConfiguration<T>, size: ChartSize): Promise<ChartImage> {
  // No background fill: opaqueImage composites every pixel over white, which gives the same image, and
  // painting a page-sized white rectangle was a tenth of the charts' drawing time.
  renderer ??= new ChartRenderer({ devicePixelRatio: CHART_SCALE, backgroundColour: null });
  return opaqueImage(await renderer.renderPixels(config, size));
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

/**
 * Charts are queued where they belong in the layout and drawn once all pages are laid out, one at a time,
 * each embedded before the next is drawn, so only one chart's pixels are alive at once. Pages are buffered,
 * so each image lands on its own page.
 */
export class ChartPlacer {
  private readonly pending: Placement[] = [];

  constructor(private readonly doc: PdfDoc) {}

  place<T extends ChartType>(config: ChartConfiguration<T>, size: ChartSize, x: number, y: number, visibleHeight = size.height): void {
    const { start, count } = this.doc.bufferedPageRange();
    this.pending.push({ page: start + count - 1, render: () => renderChart(config, size), x, y, size, visibleHeight });
  }

  async placeAll(): Promise<void> {
    for (const p of this.pending) {
      const image = await p.render();
      this.doc.switchToPage(p.page);
      this.doc.save().rect(p.x, p.y, p.size.width, p.visibleHeight).clip();
      this.doc.image(image as never, p.x, p.y, { width: p.size.width, height: p.size.height });
      this.doc.restore();
    }
    this.pending.length = 0;
  }
}
