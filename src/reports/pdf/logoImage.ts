import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { createCanvas, Image } from 'canvas';
import type { PdfDoc } from '../text/pdfkit-types.js';
import { flateXObject, type ChartImage } from './opaqueImage.js';

// A firm's logo is on every report it brands, and a report thread draws many. Given the PNG, PDFKit decodes
// it in JavaScript, splits off the alpha channel and compresses colour and alpha again, in every document:
// 22 ms of a 1,000-respondent report's 220 (report thread, median of 10, 2026-12-02). Here that happens once
// per logo per thread, and each document embeds the ready bytes, in the same form PDFKit gives them.

/** A logo's pixels, compressed once: RGB, and its alpha as a soft mask unless every pixel is opaque. */
interface PreparedLogo {
  width: number;
  height: number;
  rgb: Buffer;
  alpha: Buffer | null;
}

// Bounded: a thread serving many firms keeps the most recently drawn logos, not all of them. `null` is a
// logo that would not decode, remembered so that it is not tried again on every page.
const MAX_LOGOS = 16;
const prepared = new Map<string, PreparedLogo | null>();

/**
 * The logo decoded and compressed, from this thread's cache when the same bytes were drawn before; null when
 * libpng refuses it. Logos are checked when they are sent (domain/branding.ts), but one stored before that
 * check may be damaged: the report is then drawn without it rather than not at all.
 */
export function preparedLogo(png: Uint8Array): PreparedLogo | null {
  const key = createHash('sha256').update(png).digest('hex');
  let logo = prepared.get(key);
  if (logo !== undefined) {
    prepared.delete(key); // to the back: most recently used
  } else {
    logo = decodable(png);
    if (prepared.size >= MAX_LOGOS) prepared.delete(prepared.keys().next().value as string);
  }
  prepared.set(key, logo);
  return logo;
}

function decodable(png: Uint8Array): PreparedLogo | null {
  try {
    return prepare(png);
  } catch {
    return null;
  }
}

function prepare(png: Uint8Array): PreparedLogo {
  const image = new Image();
  let failure: Error | undefined;
  image.onerror = (err: Error) => {
    failure = err;
  };
  // libpng through node-canvas: any PNG colour type, bit depth or interlacing, decoded synchronously.
  image.src = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (failure || image.width === 0 || image.height === 0) throw new Error(`The logo could not be decoded as a PNG${failure ? `: ${failure.message}` : ''}.`);
  const { width, height } = image;
  const ctx = createCanvas(width, height).getContext('2d');
  ctx.drawImage(image, 0, 0);
  // Straight (not premultiplied) RGBA, as PDF wants colour beside a soft mask.
  const { data } = ctx.getImageData(0, 0, width, height);
  const pixels = width * height;
  const rgb = Buffer.allocUnsafe(pixels * 3);
  const alpha = Buffer.allocUnsafe(pixels);
  let opaque = true;
  for (let p = 0, i = 0, o = 0; p < pixels; p++, i += 4, o += 3) {
    rgb[o] = data[i];
    rgb[o + 1] = data[i + 1];
    rgb[o + 2] = data[i + 2];
    alpha[p] = data[i + 3];
    if (data[i + 3] !== 255) opaque = false;
  }
  // zlib's default level, as PDFKit: level 9 took 6× as long on the installation's logo (8.9 ms against 1.5) for 4 % less.
  return { width, height, rgb: zlib.deflateSync(rgb), alpha: opaque ? null : zlib.deflateSync(alpha) };
}

// Per document: each logo's image object, embedded the first time a page shows it and reused by the rest.
const embedded = new WeakMap<PdfDoc, Map<PreparedLogo, ChartImage>>();

/** What `doc.image()` takes for the logo in this document, the same object on every page; null when it would not decode. */
export function logoXObject(doc: PdfDoc, png: Uint8Array): ChartImage | null {
  const logo = preparedLogo(png);
  if (!logo) return null;
  let images = embedded.get(doc);
  if (!images) embedded.set(doc, (images = new Map()));
  let image = images.get(logo);
  if (!image) images.set(logo, (image = xObjectOf(logo, `Logo${images.size + 1}`)));
  return image;
}

function xObjectOf(logo: PreparedLogo, label: string): ChartImage {
  return {
    width: logo.width,
    height: logo.height,
    label,
    embed(doc: PdfDoc) {
      const mask = logo.alpha && flateXObject(doc, { width: logo.width, height: logo.height, colorSpace: 'DeviceGray', data: logo.alpha, extra: { Decode: [0, 1] } });
      const image = flateXObject(doc, { width: logo.width, height: logo.height, colorSpace: 'DeviceRGB', data: logo.rgb, extra: mask ? { SMask: mask } : {} });
      this.obj = image;
    },
  };
}
