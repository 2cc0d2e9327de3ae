import zlib from 'node:zlib';
import type { PdfDoc } from '../text/pdfkit-types.js';

// node-canvas writes 8-bit RGBA PNGs. Given one, PDFKit decodes it in JavaScript, splits off the alpha
// channel into a soft mask and compresses both again (~40 ms for a page-sized chart). Charts are drawn on
// white, so the alpha channel carries nothing: this decodes the PNG once (native inflate, row filters
// undone here), keeps the RGB bytes, and hands PDFKit a ready image XObject (Flate, PNG "Up" predictor),
// which it embeds as it is.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RGBA = 6;
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

/** An opaque image from an 8-bit, non-interlaced RGBA PNG (what node-canvas writes). */
export function opaqueImage(png: Buffer, level = 1): ChartImage {
  const { width, height, data } = parse(png);
  const raw = zlib.inflateSync(data);
  const stride = width * 4;
  const rgbStride = width * 3;
  const out = new Uint8Array(height * (rgbStride + 1));
  let prev = new Uint8Array(stride);
  let cur = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const src = y * (stride + 1);
    unfilter(raw[src], raw, src + 1, cur, prev);
    // Re-filtered with "Up" (the difference from the row above): chart rows repeat, so it is mostly
    // zeros and deflates well. Alpha is dropped on the way.
    let o = y * (rgbStride + 1);
    out[o++] = UP;
    for (let i = 0; i < stride; i += 4) {
      out[o++] = cur[i] - prev[i];
      out[o++] = cur[i + 1] - prev[i + 1];
      out[o++] = cur[i + 2] - prev[i + 2];
    }
    [prev, cur] = [cur, prev];
  }
  const compressed = zlib.deflateSync(out, { level });
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

function parse(png: Buffer): { width: number; height: number; data: Buffer } {
  if (png.length < 33 || SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('not a PNG');
  let pos = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (pos + 8 <= png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== RGBA || data[12] !== 0) throw new Error('expected an 8-bit non-interlaced RGBA PNG');
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + length;
  }
  if (!width || !height || idat.length === 0) throw new Error('PNG without image data');
  return { width, height, data: Buffer.concat(idat) };
}

/** Undoes one scanline's PNG filter (4 bytes per pixel) from raw[at…] into `cur`. */
function unfilter(filter: number, raw: Uint8Array, at: number, cur: Uint8Array, prev: Uint8Array): void {
  const n = cur.length;
  switch (filter) {
    case 0:
      cur.set(raw.subarray(at, at + n));
      return;
    case 1:
      for (let i = 0; i < 4; i++) cur[i] = raw[at + i];
      for (let i = 4; i < n; i++) cur[i] = raw[at + i] + cur[i - 4];
      return;
    case 2:
      for (let i = 0; i < n; i++) cur[i] = raw[at + i] + prev[i];
      return;
    case 3:
      for (let i = 0; i < 4; i++) cur[i] = raw[at + i] + (prev[i] >> 1);
      for (let i = 4; i < n; i++) cur[i] = raw[at + i] + ((cur[i - 4] + prev[i]) >> 1);
      return;
    case 4:
      for (let i = 0; i < 4; i++) cur[i] = raw[at + i] + prev[i];
      for (let i = 4; i < n; i++) {
        const a = cur[i - 4];
        const b = prev[i];
        const c = prev[i - 4];
        const pa = b > c ? b - c : c - b;
        const pb = a > c ? a - c : c - a;
        const pc = a + b > c + c ? a + b - c - c : c + c - a - b;
        cur[i] = raw[at + i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      return;
    default:
      throw new Error(`PNG: unknown filter type ${filter}`);
  }
}
