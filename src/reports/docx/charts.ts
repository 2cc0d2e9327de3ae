import type { ChartConfiguration, ChartType } from 'chart.js';
import { AlignmentType, ImageRun, Paragraph } from 'docx';
import { ChartRenderer, type ChartSize } from '../charts/index.js';

// Charts go into the Word file as PNG images drawn by the same Chart.js configurations as the PDF's.
// A chart's size is given in points, as in the PDF; its image has DPI / 72 pixels per point, so it prints
// sharp at the size it is placed at.

/** Dots per inch of a chart image at its size on the page. */
export const CHART_DPI = 288;
const PIXELS_PER_POINT = CHART_DPI / 72;
/** docx sizes images in pixels at 96 to the inch. */
const DISPLAY_PER_POINT = 96 / 72;

// One renderer per process (or report thread): it keeps one Chart.js canvas per chart size.
let renderer: ChartRenderer | undefined;

export interface ChartImage {
  png: Buffer;
  size: ChartSize;
}

export async function renderChartImage<T extends ChartType>(config: ChartConfiguration<T>, size: ChartSize): Promise<ChartImage> {
  renderer ??= new ChartRenderer({ devicePixelRatio: PIXELS_PER_POINT });
  return { png: await renderer.render(config, size), size };
}

/** A chart on a paragraph of its own, centred, at its size in points. */
export function chartParagraph(image: ChartImage, altText: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: false,
    spacing: { after: 120 },
    children: [
      new ImageRun({
        type: 'png',
        data: image.png,
        transformation: { width: Math.round(image.size.width * DISPLAY_PER_POINT), height: Math.round(image.size.height * DISPLAY_PER_POINT) },
        altText: { name: altText, title: altText, description: altText },
      }),
    ],
  });
}
