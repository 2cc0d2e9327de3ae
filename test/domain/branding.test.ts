import { describe, expect, it } from 'vitest';
import { BUILT_IN_BRANDING, brandingFingerprint, logoProblem, MAX_LOGO_BYTES, pngSize, shade } from '../../src/domain/branding.js';

// The smallest valid PNG header: signature, then an IHDR chunk for a 3 × 2 image.
const PNG_HEAD = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 3, 0, 0, 0, 2, 8, 6, 0, 0, 0]);

describe('branding rules', () => {
  it('accepts a PNG and reads its size; refuses other files, empty ones and oversized ones, saying why', () => {
    expect(logoProblem(PNG_HEAD)).toBeNull();
    expect(pngSize(PNG_HEAD)).toEqual({ width: 3, height: 2 });
    expect(logoProblem(new TextEncoder().encode('GIF89a-not-a-png-at-all'))).toMatch(/not a PNG/);
    expect(logoProblem(new Uint8Array())).toMatch(/empty/);
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(PNG_HEAD);
    expect(logoProblem(big)).toMatch(/at most/);
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
