import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_BRANDING, brandingFingerprint, logoProblem, MAX_LOGO_BYTES, pngDecodes, pngSize, shade } from '../../src/domain/branding.js';

// A PNG's start only: signature, then an IHDR chunk for a 3 × 2 image (no checksum, no image data).
const PNG_HEAD = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 3, 0, 0, 0, 2, 8, 6, 0, 0, 0]);

/** A whole RGBA PNG, 8 bits a channel, whose image data is `raw` (filter bytes and pixels) as given. */
function png(width: number, height: number, raw: Uint8Array, interlaced = false): Buffer {
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, interlaced ? 1 : 0], 8);
  return Buffer.concat([Buffer.from(PNG_HEAD.subarray(0, 8)), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

describe('branding rules', () => {
  it('accepts a PNG and reads its size; refuses other files, empty ones and oversized ones, saying why', () => {
    // 3 × 2 RGBA: two rows of a filter byte and 3 × 4 bytes.
    expect(logoProblem(png(3, 2, new Uint8Array(26)))).toBeNull();
    expect(pngSize(PNG_HEAD)).toEqual({ width: 3, height: 2 });
    expect(logoProblem(new TextEncoder().encode('GIF89a-not-a-png-at-all'))).toMatch(/not a PNG/);
    expect(logoProblem(new Uint8Array())).toMatch(/empty/);
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(PNG_HEAD);
    expect(logoProblem(big)).toMatch(/at most/);
  });

  it('refuses a PNG that libpng would not decode: cut off, a bad checksum, too little image data, or too many pixels', () => {
    const good = png(3, 2, new Uint8Array(26));
    expect(logoProblem(PNG_HEAD)).toMatch(/incomplete/);
    expect(logoProblem(good.subarray(0, good.length - 12))).toMatch(/no IEND/);
    const flipped = Buffer.from(good);
    flipped[good.indexOf('IDAT') + 6] ^= 1;
    expect(logoProblem(flipped)).toMatch(/IDAT chunk fails its checksum/);
    expect(logoProblem(png(3, 2, new Uint8Array(25)))).toMatch(/image data ends early/);
    // Interlaced, the same image is seven passes: 5 + 5 + 5 + 13 = 28 bytes, not 26.
    expect(logoProblem(png(3, 2, new Uint8Array(28), true))).toBeNull();
    expect(logoProblem(png(3, 2, new Uint8Array(26), true))).toMatch(/ends early/);
    expect(logoProblem(png(5000, 1, new Uint8Array(1)))).toMatch(/5000 × 1 pixels; at most 4096 pixels a side/);
    expect(logoProblem(png(2100, 2100, new Uint8Array(1)))).toMatch(/4 million pixels/);
    // Whether it decodes at all, whatever its size (the Word report asks this of a stored logo).
    expect(pngDecodes(good)).toBe(true);
    expect(pngDecodes(flipped)).toBe(false);
    expect(pngDecodes(png(5000, 1, new Uint8Array(1 + 5000 * 4)))).toBe(true);
  });

  it('gives a different fingerprint for a different logo, colour or name', () => {
    const base = brandingFingerprint(BUILT_IN_BRANDING);
    expect(brandingFingerprint({ ...BUILT_IN_BRANDING, logoPng: PNG_HEAD })).not.toBe(base);
    expect(brandingFingerprint({ ...BUILT_IN_BRANDING, primaryColor: '#aa0000' })).not.toBe(base);
    expect(brandingFingerprint({ ...BUILT_IN_BRANDING, firmName: { fa: 'مشاوران', en: 'Mehvar' } })).not.toBe(base);
  });

  it('shades a colour toward white and black', () => {
    expect(shade('#2f5d8a', 1)).toBe('#ffffff');
    expect(shade('#2f5d8a', -1)).toBe('#000000');
    expect(shade('#204060', 0.5)).toBe('#90a0b0');
  });
});
