export { registerChartFonts, CHART_FONT_FAMILY } from './fonts.js';
export { ChartRenderer, type ChartPixels, type ChartRendererOptions, type ChartSize } from './renderer.js';
export { rtlLabel, isRtlFirst } from './labels.js';
