import type { DirectedText } from '../model/types.js';
import { CONTENT, FOOTER, HEADER, SIZE, type Layout } from '../pdf/layout.js';
import { palette } from '../pdf/palette.js';
import { formatNumber } from '../text/index.js';
import type { TrendReportModel } from './types.js';

// A copy of src/reports/pdf/chrome.ts (drawChrome and its `fit`), which takes the whole assessment
// ReportModel: this report has the same header and footer but a model of its own.

const HEADER_SPLIT = 0.5;

/**
 * Header (organization on the start side, the comparison on the other) and footer ("صفحه ۳ از ۱۲") on
 * every page. Drawn last, over the buffered pages, because the page count is only known then.
 */
export function drawTrendChrome(l: Layout, model: Pick<TrendReportModel, 'header' | 'pageLabel' | 'lang' | 'dir'>): void {
  const { doc } = l;
  const range = doc.bufferedPageRange();
  const pages = range.count;
  const startWidth = CONTENT.width * HEADER_SPLIT - 8;
  const endWidth = CONTENT.width - startWidth - 16;
  const style = { size: SIZE.tiny + 0.5, color: palette.muted };
  const count = (n: number) => formatNumber(n, model.lang, { maximumFractionDigits: 0 });
  for (let i = 0; i < pages; i++) {
    doc.switchToPage(range.start + i);
    l.textAt(fit(l, model.header.organization, startWidth, style.size), l.xAt(0, startWidth), HEADER.y, startWidth, { ...style, font: 'bold', align: 'start', dir: model.dir });
    l.textAt(fit(l, model.header.subtitle, endWidth, style.size), l.xAt(startWidth + 16, endWidth), HEADER.y, endWidth, { ...style, align: 'end', dir: model.dir });
    doc.save().moveTo(CONTENT.left, HEADER.ruleY).lineTo(CONTENT.right, HEADER.ruleY).lineWidth(0.5).strokeColor(palette.rule).stroke().restore();

    const label = model.pageLabel.replace('{page}', count(i + 1)).replace('{pages}', count(pages));
    doc.save().moveTo(CONTENT.left, FOOTER.y - 8).lineTo(CONTENT.right, FOOTER.y - 8).lineWidth(0.5).strokeColor(palette.rule).stroke().restore();
    l.textAt(label, CONTENT.left, FOOTER.y, CONTENT.width, { ...style, align: 'center' });
  }
}

/** Shortens a header text word by word, with an ellipsis, until it fits on one line. */
function fit(l: Layout, t: DirectedText, width: number, size: number): DirectedText {
  if (l.widthOf(t, { size }) <= width) return t;
  const words = t.text.split(' ');
  while (words.length > 1) {
    words.pop();
    const candidate = { text: `${words.join(' ')}…`, dir: t.dir };
    if (l.widthOf(candidate, { size }) <= width) return candidate;
  }
  return { text: `${words[0]}…`, dir: t.dir };
}
