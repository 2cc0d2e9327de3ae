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
  // Zero-filled: a pixel equal to the one above it (most of a chart: its background, its bars' insides)
  // filters to three zero bytes under "Up", so nothing is written for it.
  const out = new Uint8Array(height * (rgbStride + 1));
  // Whole pixels at a time: cairo stores each as one native-endian 32-bit value 0xAARRGGBB, which a
  // Uint32Array reads back the same on any machine.
  const aligned = data.byteOffset % 4 === 0 ? data : data.slice();
  const pixels32 = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  for (let y = 0, p = 0; y < height; y++) {
    let o = y * (rgbStride + 1);
    out[o++] = UP;
    for (let x = 0; x < width; x++, p++, o += 3) {
      const px = pixels32[p];
      // Above the first row the filter sees black: an opaque pixel with colour 0.
      const above = y === 0 ? 0xff000000 : pixels32[p - width];
      if (px === above) continue;
      // Composited over white: premultiplied colour plus what the missing alpha lets through.
      const white = 255 - (px >>> 24);
      const whiteAbove = 255 - (above >>> 24);
      out[o] = ((px >>> 16) & 255) + white - (((above >>> 16) & 255) + whiteAbove);
      out[o + 1] = ((px >>> 8) & 255) + white - (((above >>> 8) & 255) + whiteAbove);
      out[o + 2] = (px & 255) + white - ((above & 255) + whiteAbove);
    }
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
      this.obj = flateXObject(doc, {
        width,
        height,
        colorSpace: 'DeviceRGB',
        data: Buffer.from(compressed.buffer, compressed.byteOffset, compressed.byteLength),
        extra: { DecodeParms: { Predictor: 15, Colors: 3, BitsPerComponent: 8, Columns: width } },
      });
    },
  };
}

/**
 * An image XObject of 8-bit samples already Flate-compressed: with a Filter set, PDFKit writes the data as it
 * is. `extra` adds to its dictionary (a predictor, a soft mask).
 */
export function flateXObject(
  doc: PdfDoc,
  image: { width: number; height: number; colorSpace: 'DeviceRGB' | 'DeviceGray'; data: Buffer; extra?: Record<string, unknown> },
): ReturnType<PdfDoc['ref']> {
  const ref = doc.ref({
    Type: 'XObject',
    Subtype: 'Image',
    BitsPerComponent: 8,
    Width: image.width,
    Height: image.height,
    ColorSpace: image.colorSpace,
    Filter: 'FlateDecode',
    ...image.extra,
  });
  ref.end(image.data);
  return ref;
}
