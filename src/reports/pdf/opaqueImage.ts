import zlib from 'node:zlib';
import type { PdfDoc } from '../text/pdfkit-types.js';

// Charts are drawn on white, so their alpha channel carries nothing. Given an RGBA PNG, PDFKit would decode
// it in JavaScript, split the alpha off into a soft mask and compress both again; a PNG encoded only to be
// decoded again cost more still (a quarter of a 1,000-respondent report's drawing time, issue 14). This
// takes the canvas's pixels as they are, keeps the RGB bytes and hands PDFKit a ready image XObject
// (Flate, PNG "Up" predictor), which it embeds as it is.

const UP = 2;

/** What `doc.image()` accepts in place of a file: an object with a size that embeds itself once. */
export interface ChartImage {
  width: number;
  height: number;
  /** The XObject's name on the page, unique within its document. */
  label?: string;
  obj?: unknown;
  embed(doc: PdfDoc): void;
}

// Numbered per document, so the same report always gets the same bytes.
const imageCounts = new WeakMap<PdfDoc, number>();

/**
 * An opaque image from a chart's pixels as the canvas holds them (cairo's ARGB32, premultiplied alpha, as
 * `ChartRenderer.renderPixels` returns them): no PNG is encoded or decoded on the way. A pixel the chart left partly
 * transparent is composited over white, as a viewer would show the PNG.
 */
export function opaqueImage(pixels: { data: Uint8Array; width: number; height: number }, level = 1): ChartImage {
  const { data, width, height } = pixels;
  if (data.length !== width * height * 4) throw new Error(`chart pixels: expected ${width * height * 4} bytes, got ${data.length}`);
  const rgbStride = width * 3;
  const out = new Uint8Array(height * (rgbStride + 1));
  // Whole pixels at a time: cairo stores each as one native-endian 32-bit value 0xAARRGGBB, which a
  // Uint32Array reads back the same on any machine. The row above is kept as RGB for the "Up" filter:
  // chart rows repeat, so most bytes become 0.
  const aligned = data.byteOffset % 4 === 0 ? data : data.slice();
  const pixels32 = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  let above = new Uint8Array(rgbStride);
  let row = new Uint8Array(rgbStride);
  for (let y = 0, p = 0; y < height; y++) {
    let o = y * (rgbStride + 1);
    out[o++] = UP;
    for (let i = 0; i < rgbStride; i += 3, p++) {
      const px = pixels32[p];
      const white = 255 - (px >>> 24);
      const r = ((px >>> 16) & 255) + white;
      const g = ((px >>> 8) & 255) + white;
      const b = (px & 255) + white;
      row[i] = r;
      row[i + 1] = g;
      row[i + 2] = b;
      out[o++] = r - above[i];
      out[o++] = g - above[i + 1];
      out[o++] = b - above[i + 2];
    }
    [above, row] = [row, above];
  }
  return flateImage(out, width, height, level);
}

/** RGB rows, each behind its PNG filter byte, as an image XObject PDFKit embeds without touching it. */
function flateImage(rows: Uint8Array, width: number, height: number, level: number): ChartImage {
  const compressed = zlib.deflateSync(rows, { level });
  return {
    width,
    height,
    embed(doc: PdfDoc) {
      const n = (imageCounts.get(doc) ?? 0) + 1;
      imageCounts.set(doc, n);
      this.label = `Chart${n}`;
      const ref = doc.ref({
        Type: 'XObject',
        Subtype: 'Image',
        BitsPerComponent: 8,
        Width: width,
        Height: height,
        ColorSpace: 'DeviceRGB',
        Filter: 'FlateDecode',
        DecodeParms: { Predictor: 15, Colors: 3, BitsPerComponent: 8, Columns: width },
      });
      // With a Filter set, PDFKit writes the data as it is.
      ref.end(Buffer.from(compressed.buffer, compressed.byteOffset, compressed.byteLength));
      this.obj = ref;
    },
  };
}
