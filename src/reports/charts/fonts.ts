import { registerFont } from 'canvas';
import { vazirmatnPath } from '../text/fonts.js';

export const CHART_FONT_FAMILY = 'Vazirmatn';

let registered = false;

/**
 * Makes Vazirmatn Regular and Bold available to node-canvas. Pango builds its font map when the first
 * canvas is created, so call this at start-up, before any canvas exists; later calls do nothing.
 * Bold needs its own weight, or bold titles are drawn with the regular face.
 */
export function registerChartFonts(): void {
  if (registered) return;
  registerFont(vazirmatnPath('regular'), { family: CHART_FONT_FAMILY });
  registerFont(vazirmatnPath('bold'), { family: CHART_FONT_FAMILY, weight: 'bold' });
  registered = true;
}
