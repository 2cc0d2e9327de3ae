import type { DirectedText, ReportModel } from '../model/types.js';
import { formatNumber } from '../text/index.js';
import { CONTENT, FOOTER, HEADER, SIZE, type Layout } from './layout.js';
import { palette } from './palette.js';

const HEADER_SPLIT = 0.5;

/** What the header and footer need; the assessment report and the comparison report both supply it. */
export type ChromeModel = Pick<ReportModel, 'pageLabel' | 'lang' | 'dir'> & { header: { organization: DirectedText; assessment: DirectedText } };

/**
 * Header (organization on the start side, assessment or comparison on the other) and footer ("صفحه ۳ از ۱۲")
 * on every page. Drawn last, over the buffered pages, because the page count is only known then.
 */
export function drawChrome(l: Layout, model: ChromeModel): void {
  const { doc } = l;
  const range = doc.bufferedPageRange();
  const pages = range.count;
  const startWidth = CONTENT.width * HEADER_SPLIT - 8;
  const endWidth = CONTENT.width - startWidth - 16;
  for (let i = 0; i < pages; i++) {
    doc.switchToPage(range.start + i);
    const style = { size: SIZE.tiny + 0.5, color: palette.muted };
    l.textAt(fit(l, model.header.organization, startWidth, style.size), l.xAt(0, startWidth), HEADER.y, startWidth, { ...style, font: 'bold', align: 'start', dir: model.dir });
    l.textAt(fit(l, model.header.assessment, endWidth, style.size), l.xAt(startWidth + 16, endWidth), HEADER.y, endWidth, { ...style, align: 'end', dir: model.dir });
    doc.save().moveTo(CONTENT.left, HEADER.ruleY).lineTo(CONTENT.right, HEADER.ruleY).lineWidth(0.5).strokeColor(palette.rule).stroke().restore();

    const label = model.pageLabel
      .replace('{page}', formatNumber(i + 1, model.lang, { maximumFractionDigits: 0 }))
      .replace('{pages}', formatNumber(pages, model.lang, { maximumFractionDigits: 0 }));
    doc.save().moveTo(CONTENT.left, FOOTER.y - 8).lineTo(CONTENT.right, FOOTER.y - 8).lineWidth(0.5).strokeColor(palette.rule).stroke().restore();
    l.textAt(label, CONTENT.left, FOOTER.y, CONTENT.width, { size: SIZE.tiny + 0.5, color: palette.muted, align: 'center' });
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
