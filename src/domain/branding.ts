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
  if (!pngSize(bytes)) return 'is not a readable PNG image (no IHDR header)';
  return null;
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
