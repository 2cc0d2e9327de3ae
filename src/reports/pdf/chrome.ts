import type { DirectedText, ReportBranding, ReportModel } from '../model/types.js';
import { drawLogo } from './document.js';
import { logoXObject } from './logoImage.js';
import { formatNumber } from '../text/index.js';
import { CONTENT, FOOTER, HEADER, SIZE, type Layout } from './layout.js';
import { palette } from './palette.js';

const HEADER_SPLIT = 0.5;

/** What the header and footer need; the assessment report and the comparison report both supply it. */
export type ChromeModel = Pick<ReportModel, 'pageLabel' | 'lang' | 'dir'> & { header: { organization: DirectedText; assessment: DirectedText }; branding?: ReportBranding };

/** Height of the logo in the header, in points: about the height of two lines of its text. */
const HEADER_LOGO = { height: 16, maxWidth: 48, gap: 6 } as const;

/**
 * Header and footer ("صفحه ۳ از ۱۲") on every page. The header names the firm (logo and name) on the start
 * side and the organization and assessment (or comparison) on the other; without branding, the
 * organization on the start side and the assessment on the other. Drawn last, over the buffered pages,
 * because the page count is only known then.
 */
export function drawChrome(l: Layout, model: ChromeModel): void {
  if (model.branding) return drawBrandedChrome(l, model, model.branding);
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
    drawFooter(l, model, i, pages);
  }
}

function drawBrandedChrome(l: Layout, model: ChromeModel, b: ReportBranding): void {
  const { doc } = l;
  const range = doc.bufferedPageRange();
  const pages = range.count;
  const size = SIZE.tiny + 0.5;
  const logoWidth = b.logoPng ? logoWidthAt(doc, b.logoPng) : 0;
  const logoSpace = logoWidth ? logoWidth + HEADER_LOGO.gap : 0;
  const firmWidth = Math.min(CONTENT.width * 0.4 - logoSpace, l.widthOf(b.firm, { size, font: 'bold' }) + 1);
  const startWidth = logoSpace + firmWidth;
  const endWidth = CONTENT.width - startWidth - 16;
  const subject = { text: `${model.header.organization.text} · ${model.header.assessment.text}`, dir: model.dir };
  for (let i = 0; i < pages; i++) {
    doc.switchToPage(range.start + i);
    if (b.logoPng && logoWidth) drawLogo(doc, b.logoPng, { x: l.xAt(0, logoWidth), y: HEADER.y - 4, width: logoWidth, height: HEADER_LOGO.height });
    l.textAt(fit(l, b.firm, firmWidth, size), l.xAt(logoSpace, firmWidth), HEADER.y, firmWidth, { size, font: 'bold', color: palette.primary, align: 'start', dir: model.dir });
    l.textAt(fit(l, subject, endWidth, size), l.xAt(startWidth + 16, endWidth), HEADER.y, endWidth, { size, color: palette.muted, align: 'end', dir: model.dir });
    doc.save().moveTo(CONTENT.left, HEADER.ruleY).lineTo(CONTENT.right, HEADER.ruleY).lineWidth(0.5).strokeColor(palette.primary).stroke().restore();
    drawFooter(l, model, i, pages);
  }
}

/** The logo's width at the header's height, at most HEADER_LOGO.maxWidth; 0 for a logo that will not decode. */
function logoWidthAt(doc: Layout['doc'], png: Uint8Array): number {
  const size = logoXObject(doc, png);
  return size ? Math.min(HEADER_LOGO.maxWidth, (size.width / size.height) * HEADER_LOGO.height) : 0;
}

function drawFooter(l: Layout, model: ChromeModel, i: number, pages: number): void {
  const { doc } = l;
  const label = model.pageLabel
    .replace('{page}', formatNumber(i + 1, model.lang, { maximumFractionDigits: 0 }))
    .replace('{pages}', formatNumber(pages, model.lang, { maximumFractionDigits: 0 }));
  doc.save().moveTo(CONTENT.left, FOOTER.y - 8).lineTo(CONTENT.right, FOOTER.y - 8).lineWidth(0.5).strokeColor(palette.rule).stroke().restore();
  l.textAt(label, CONTENT.left, FOOTER.y, CONTENT.width, { size: SIZE.tiny + 0.5, color: palette.muted, align: 'center' });
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
