export { registerFonts, installExactCopyText, useFont, vazirmatnPath, FONT_NAMES, type FontWeight } from './fonts.js';
export {
  drawParagraph,
  measureParagraph,
  type ParagraphOptions,
  type ParagraphLayout,
  type ParagraphLine,
} from './paragraph.js';
export { directionalFeatures, type Direction } from './shaping.js';
export { formatNumber, formatPercent, formatDate, type ReportLang, type NumberOptions, type DateOptions } from './format.js';
