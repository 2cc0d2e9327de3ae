import { BorderStyle, ImageRun, Paragraph } from 'docx';
import { pngDecodes, pngSize } from '../../domain/branding.js';
import type { ReportBranding, ReportModel } from '../model/types.js';
import { palette } from '../pdf/palette.js';
import { para, run, SIZE } from './blocks.js';

// The consultant's firm in the Word report: its logo and name on the cover and in the header of every
// page, in its colour (model.branding; Mehvar's own when the consultant has set none).

const DISPLAY_PER_POINT = 96 / 72;

/** The logo at a height in points, as wide as its proportions make it (at most `maxWidth`). */
export function logoRun(b: ReportBranding, height: number, maxWidth: number): ImageRun | null {
  if (!b.logoPng) return null;
  const size = pngSize(b.logoPng);
  // A damaged logo stored before logos were checked: Word would show a broken picture, so none.
  if (!size || !pngDecodes(b.logoPng)) return null;
  const width = Math.min(maxWidth, (size.width / size.height) * height);
  const h = (size.height / size.width) * width;
  return new ImageRun({
    type: 'png',
    data: Buffer.from(b.logoPng),
    transformation: { width: Math.round(width * DISPLAY_PER_POINT), height: Math.round(h * DISPLAY_PER_POINT) },
    altText: { name: b.firm.text, title: b.firm.text, description: b.firm.text },
  });
}

/** Logo, firm and contact line, above the cover's band. */
export function firmBlock(b: ReportBranding, rtl: boolean): Paragraph[] {
  const logo = logoRun(b, 40, 160);
  const out = [new Paragraph({ bidirectional: rtl, spacing: { after: 60 }, children: [...(logo ? [logo, run('  ', b.firm.dir)] : []), run(b.firm.text, b.firm.dir, { size: SIZE.subheading + 1, bold: true, color: b.primaryColor })] })];
  if (b.contact) out.push(para(b.contact, rtl ? 'rtl' : 'ltr', { size: SIZE.small, color: palette.muted, after: 10 }));
  else out.push(new Paragraph({ spacing: { after: 140 }, children: [] }));
  return out;
}

/** Every page after the cover: the firm (logo and name), then the organization and the assessment. */
export function headerLine(model: ReportModel): Paragraph {
  const b = model.branding;
  const { organization, assessment } = model.header;
  const logo = logoRun(b, 14, 48);
  const muted = { size: SIZE.tiny, color: palette.muted };
  return new Paragraph({
    bidirectional: model.dir === 'rtl',
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: b.primaryColor.slice(1).toUpperCase(), space: 4 } },
    children: [
      ...(logo ? [logo, run(' ', model.dir, muted)] : []),
      run(b.firm.text, b.firm.dir, { size: SIZE.tiny, bold: true, color: b.primaryColor }),
      run('   |   ', model.dir, { ...muted, color: palette.faint }),
      run(organization.text, organization.dir, muted),
      run('  ·  ', model.dir, { ...muted, color: palette.faint }),
      run(assessment.text, assessment.dir, muted),
    ],
  });
}
