import zlib from 'node:zlib';
import type { FieldError } from './errors.js';

// A consultant's firm as their reports show it: the firm's name in both languages, one primary colour,
// an optional contact line and an optional PNG logo. Pure rules; storage is in repositories/branding.ts
// and the installation's default theme in reports/theme.json (read by services/branding.ts).

export interface Branding {
  firmName: { fa: string; en: string };
  /** `#rrggbb`, lower case. */
  primaryColor: string;
  contact: string | null;
  logoPng: Uint8Array | null;
}

/** Beyond this a logo is refused: it is drawn about 4 cm wide and travels with every report job. */
export const MAX_LOGO_BYTES = 256 * 1024;
/** Beyond these a logo is refused: every report thread decodes it, at 4 bytes a pixel. */
export const MAX_LOGO_SIDE = 4_096;
export const MAX_LOGO_PIXELS = 4_000_000;
export const MAX_FIRM_NAME_LENGTH = 120;
export const MAX_CONTACT_LENGTH = 200;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** What the report shows when neither the consultant nor the installation has set anything. */
export const BUILT_IN_BRANDING: Branding = Object.freeze({
  firmName: Object.freeze({ fa: 'محور', en: 'Mehvar' }),
  primaryColor: '#2f5d8a',
  contact: null,
  logoPng: null,
});

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > PNG_MAGIC.length && PNG_MAGIC.every((b, i) => bytes[i] === b);
}

/** Width and height from the IHDR chunk, which a PNG must start with. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (!isPng(bytes) || bytes.length < 24) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** Why a logo cannot be used, or null when it can. */
export function logoProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'is empty';
  if (bytes.length > MAX_LOGO_BYTES) return `is ${bytes.length} bytes; at most ${MAX_LOGO_BYTES} bytes (${MAX_LOGO_BYTES / 1024} KiB) are accepted`;
  if (!isPng(bytes)) return 'is not a PNG image (it does not start with the PNG signature)';
  const size = pngSize(bytes);
  if (!size) return 'is not a readable PNG image (no IHDR header)';
  if (size.width > MAX_LOGO_SIDE || size.height > MAX_LOGO_SIDE || size.width * size.height > MAX_LOGO_PIXELS)
    return `is ${size.width} × ${size.height} pixels; at most ${MAX_LOGO_SIDE} pixels a side and ${MAX_LOGO_PIXELS / 1_000_000} million pixels are accepted`;
  return pngDamage(bytes, size);
}

/** Whether a PNG would decode, whatever its size: for a logo stored before logos were checked, or the installation's. */
export function pngDecodes(bytes: Uint8Array): boolean {
  const size = pngSize(bytes);
  return size !== null && pngDamage(bytes, size) === null;
}

// Channels per pixel by PNG colour type: grey, -, RGB, palette, grey + alpha, -, RGBA.
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
// Adam7: each pass's first column and row, and its steps.
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/**
 * Why a PNG that starts well would not decode, or null: a report thread decodes the logo with libpng, which
 * refuses a chunk whose checksum is wrong and image data that ends early. Checked here, so a damaged logo is
 * refused when it is sent rather than missing from every report.
 */
function pngDamage(bytes: Uint8Array, size: { width: number; height: number }): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data: Uint8Array[] = [];
  let ended = false;
  for (let at = 8; at < bytes.length && !ended; ) {
    if (at + 12 > bytes.length) return 'is damaged: it ends inside a chunk';
    const length = view.getUint32(at);
    const end = at + 12 + length;
    if (end > bytes.length) return 'is incomplete: it ends before its last chunk does';
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (zlib.crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) return `is damaged: its ${type} chunk fails its checksum`;
    if (type === 'IDAT') data.push(bytes.subarray(at + 8, at + 8 + length));
    ended = type === 'IEND';
    at = end;
  }
  if (!ended) return 'is incomplete: it has no IEND chunk';
  if (data.length === 0) return 'is incomplete: it has no image data (IDAT)';
  const depth = bytes[24];
  const channels = CHANNELS[bytes[25]];
  if (!channels || ![1, 2, 4, 8, 16].includes(depth)) return 'is damaged: its IHDR names no PNG colour type and depth';
  const rowBytes = (w: number) => (w === 0 ? 0 : 1 + Math.ceil((w * channels * depth) / 8));
  const passes = bytes[28] === 1 ? ADAM7 : [[0, 0, 1, 1]];
  const expected = passes.reduce((sum, [x0, y0, dx, dy]) => {
    const w = Math.ceil((size.width - x0) / dx);
    const h = Math.ceil((size.height - y0) / dy);
    return sum + (w > 0 && h > 0 ? h * rowBytes(w) : 0);
  }, 0);
  let pixels: Buffer;
  try {
    // Decompressed no further than needed: a small file may inflate to far more than its pixels.
    pixels = zlib.inflateSync(Buffer.concat(data), { maxOutputLength: expected });
  } catch (err) {
    // More data than the pixels need: libpng warns and ignores the rest, and so does this.
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return null;
    return 'is damaged: its image data does not decompress';
  }
  return pixels.length < expected ? 'is incomplete: its image data ends early' : null;
}

/** What a consultant sends: the logo as base64, `null` for none, or `keep` for the one already set. */
export interface BrandingRequest {
  firmName: { fa: string; en: string };
  primaryColor: string;
  contact?: string | null;
  logoPng?: string | null | 'keep';
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Every field of a branding request that cannot be used, and the logo's bytes when it can. */
export function brandingProblems(r: BrandingRequest): { errors: FieldError[]; logo: Uint8Array | null } {
  const errors: FieldError[] = [];
  if (!HEX_COLOUR.test(r.primaryColor)) errors.push({ path: 'primaryColor', message: 'must be a colour as #rrggbb, e.g. #2f5d8a' });
  let logo: Uint8Array | null = null;
  if (typeof r.logoPng === 'string' && r.logoPng !== 'keep') {
    const text = r.logoPng.replace(/^data:image\/png;base64,/, '').replace(/\s+/g, '');
    // Refused before decoding when even the text is far beyond the limit.
    if (text.length > Math.ceil(MAX_LOGO_BYTES / 3) * 4 + 4) errors.push({ path: 'logoPng', message: `is larger than ${MAX_LOGO_BYTES / 1024} KiB` });
    else if (text.length % 4 !== 0 || !BASE64.test(text)) errors.push({ path: 'logoPng', message: 'must be base64 (RFC 4648) of a PNG file' });
    else {
      const bytes = new Uint8Array(Buffer.from(text, 'base64'));
      const problem = logoProblem(bytes);
      if (problem) errors.push({ path: 'logoPng', message: problem });
      else logo = bytes;
    }
  }
  return { errors, logo };
}

/** A fingerprint of everything a report draws from the branding, for report cache keys. */
export function brandingFingerprint(b: Branding): string {
  // The logo's bytes themselves, not a short checksum: the caller hashes the whole key with SHA-256, and a
  // collision would serve one firm's logo to another.
  return JSON.stringify([b.firmName.fa, b.firmName.en, b.primaryColor.toLowerCase(), b.contact, b.logoPng ? Buffer.from(b.logoPng).toString('base64') : null]);
}

/** Mixes a `#rrggbb` colour toward white (amount > 0) or black (amount < 0); for the palette's shades. */
export function shade(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const target = amount > 0 ? 255 : 0;
  const a = Math.abs(amount);
  const mix = (c: number) => Math.round(c + (target - c) * a);
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
