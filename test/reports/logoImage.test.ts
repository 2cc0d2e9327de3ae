import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from 'canvas';
import { describe, expect, it } from 'vitest';
import { drawLogo } from '../../src/reports/pdf/document.js';
import { preparedLogo } from '../../src/reports/pdf/logoImage.js';
import type { PdfDoc } from '../../src/reports/text/pdfkit-types.js';
import { writePdf } from './pdf-helpers.js';

/** An 8 × 4 logo: the left half opaque #8a2f4d, the right half's top row transparent, its bottom rows half-transparent green. */
function testLogo(opts: { opaque?: boolean } = {}): Buffer {
  const c = createCanvas(8, 4);
  const g = c.getContext('2d');
  g.fillStyle = '#8a2f4d';
  g.fillRect(0, 0, opts.opaque ? 8 : 4, 4);
  if (!opts.opaque) {
    g.fillStyle = 'rgba(0, 255, 0, 0.5)';
    g.fillRect(4, 2, 4, 2);
  }
  return c.toBuffer('image/png');
}

/** Each image object in the PDF, as [type, width, height]: pdfimages lists it once per page that shows it. */
const imagesOf = (file: string) => {
  const rows = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/));
  const objects = new Map(rows.map((r) => [`${r[10]} ${r[2]}`, [r[2], Number(r[3]), Number(r[4])]]));
  return [...objects.values()];
};

async function pixelsOf(file: string, kind: 'image' | 'smask') {
  const prefix = path.join(path.dirname(file), 'extracted');
  execFileSync('pdfimages', ['-png', file, prefix]);
  // pdfimages writes the image, then its soft mask.
  const names = fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith('extracted')).sort();
  const image = await loadImage(path.join(path.dirname(file), names[kind === 'image' ? 0 : 1]));
  const g = createCanvas(image.width, image.height).getContext('2d');
  g.drawImage(image, 0, 0);
  return (x: number, y: number) => [...g.getImageData(x, y, 1, 1).data.subarray(0, 3)];
}

describe('the firm logo in a PDF', () => {
  it('is embedded once however many pages show it, with its colours and its transparency as drawn', async () => {
    const png = testLogo();
    const file = await writePdf('logo.pdf', (doc) => {
      for (let page = 0; page < 3; page++) {
        if (page) doc.addPage();
        // A fresh copy of the bytes each time, as each report thread receives them.
        drawLogo(doc as unknown as PdfDoc, new Uint8Array(png), { x: 50, y: 50, width: 80, height: 40 });
      }
    });
    expect(imagesOf(file)).toEqual([
      ['image', 8, 4],
      ['smask', 8, 4],
    ]);
    const rgb = await pixelsOf(file, 'image');
    expect(rgb(0, 0)).toEqual([0x8a, 0x2f, 0x4d]);
    expect(rgb(7, 3)).toEqual([0, 255, 0]);
    const alpha = await pixelsOf(file, 'smask');
    expect(alpha(0, 0)[0]).toBe(255);
    expect(alpha(7, 0)[0]).toBe(0);
    expect(Math.abs(alpha(7, 3)[0] - 128)).toBeLessThanOrEqual(1);
  });

  it('has no soft mask when every pixel is opaque', async () => {
    const file = await writePdf('opaque.pdf', (doc) => drawLogo(doc as unknown as PdfDoc, testLogo({ opaque: true }), { x: 50, y: 50, width: 80, height: 40 }));
    expect(imagesOf(file)).toEqual([['image', 8, 4]]);
  });

  it('stays about as small in the PDF as its PNG, for a gradient as well', async () => {
    const c = createCanvas(1200, 500);
    const g = c.getContext('2d');
    const fill = g.createLinearGradient(0, 0, 1200, 500);
    fill.addColorStop(0, '#2f5d8a');
    fill.addColorStop(1, '#c87533');
    g.fillStyle = fill;
    g.fillRect(0, 0, 1200, 500);
    // Encoded as small as PNG makes it: every row filter tried, the strongest compression.
    const png = c.toBuffer('image/png', { compressionLevel: 9, filters: c.PNG_ALL_FILTERS });
    const file = await writePdf('gradient.pdf', (doc) => drawLogo(doc as unknown as PdfDoc, png, { x: 50, y: 50, width: 240, height: 100 }));
    // The PDF holds the logo and a page: no more than twice the PNG.
    expect(fs.statSync(file).size).toBeLessThan(2 * png.length + 4096);
  });

  it('is decoded once for the same bytes, however they arrive', () => {
    const png = testLogo();
    expect(preparedLogo(new Uint8Array(png))).toBe(preparedLogo(Buffer.from(png)));
    expect(preparedLogo(testLogo({ opaque: true }))).not.toBe(preparedLogo(png));
  });

  it('is left out, not an error, when its bytes will not decode', async () => {
    const broken = Buffer.concat([testLogo().subarray(0, 40), Buffer.alloc(40)]);
    expect(preparedLogo(broken)).toBeNull();
    const file = await writePdf('broken.pdf', (doc) => drawLogo(doc as unknown as PdfDoc, broken, { x: 50, y: 50, width: 80, height: 40 }));
    expect(imagesOf(file)).toEqual([]);
  });
});
