import zlib from 'node:zlib';
import { createCanvas } from 'canvas';
import { describe, expect, it } from 'vitest';
import { ReportCache } from '../../src/reports/cache.js';
import { diverging } from '../../src/reports/pdf/likertChart.js';
import { opaqueImage } from '../../src/reports/pdf/opaqueImage.js';
import { likertColour, palette } from '../../src/reports/pdf/palette.js';

const SCALE = [-1, -0.5, 0, 0.5, 1].map((tone) => ({ label: String(tone), tone }));

describe('diverging Likert segments', () => {
  it('puts the middle answer across 0, lower answers to the left, higher to the right, touching', () => {
    const segments = diverging([0.1, 0.2, 0.3, 0.25, 0.15], SCALE);
    expect(segments.map(([a, b]) => [+a.toFixed(9), +b.toFixed(9)])).toEqual([
      [-45, -35],
      [-35, -15],
      [-15, 15],
      [15, 40],
      [40, 55],
    ]);
  });

  it('draws nothing for an item nobody answered', () => {
    expect(diverging([0, 0, 0, 0, 0], SCALE).map(([a, b]) => Math.abs(a) + Math.abs(b))).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('opaqueImage', () => {
  const embedded = (image: ReturnType<typeof opaqueImage>) => {
    let dict: Record<string, unknown> = {};
    let data = Buffer.alloc(0);
    const doc = { ref: (d: Record<string, unknown>) => ((dict = d), { end: (b: Buffer) => void (data = b) }) };
    image.embed(doc as never);
    const { width, height } = image;
    const rows = zlib.inflateSync(data);
    const stride = width * 3;
    const rgb = new Uint8Array(height * stride);
    for (let y = 0; y < height; y++) {
      expect(rows[y * (stride + 1)]).toBe(2);
      for (let i = 0; i < stride; i++) rgb[y * stride + i] = rows[y * (stride + 1) + 1 + i] + (y ? rgb[(y - 1) * stride + i] : 0);
    }
    return { dict, rgb };
  };

  it("keeps every pixel of a chart drawn on white, as RGB with the 'Up' predictor, straight from the canvas", () => {
    const canvas = createCanvas(61, 37);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, 61, 37);
    const g = ctx.createLinearGradient(0, 0, 61, 37);
    g.addColorStop(0, palette.primary);
    g.addColorStop(1, palette.accent);
    ctx.fillStyle = g;
    ctx.fillRect(3, 3, 50, 20);
    ctx.fillStyle = likertColour(-1);
    ctx.font = '14px sans-serif';
    ctx.fillText('فرهنگ 42', 2, 34);
    const rgba = ctx.getImageData(0, 0, 61, 37).data;

    const image = opaqueImage({ data: canvas.toBuffer('raw'), width: 61, height: 37 });
    const { dict, rgb } = embedded(image);
    expect([image.width, image.height, image.label]).toEqual([61, 37, 'Chart1']);
    expect(dict).toMatchObject({ ColorSpace: 'DeviceRGB', Filter: 'FlateDecode', DecodeParms: { Predictor: 15, Colors: 3, Columns: 61 } });
    const expected = new Uint8Array(37 * 61 * 3);
    for (let p = 0; p < 61 * 37; p++) expected.set(rgba.subarray(p * 4, p * 4 + 3), p * 3);
    expect(Buffer.from(rgb).equals(Buffer.from(expected))).toBe(true);
  });

  it('shows a pixel left partly transparent as it would look on white paper', () => {
    const canvas = createCanvas(2, 1);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = 'rgba(0, 0, 255, 0.5)';
    ctx.fillRect(0, 0, 1, 1);
    const { rgb } = embedded(opaqueImage({ data: canvas.toBuffer('raw'), width: 2, height: 1 }));
    // Half blue over white is about (128, 128, 255); nothing drawn is white.
    const [r, g, b] = rgb.subarray(0, 3);
    expect([Math.abs(r - 127.5) <= 1, Math.abs(g - 127.5) <= 1, b]).toEqual([true, true, 255]);
    expect([...rgb.subarray(3, 6)]).toEqual([255, 255, 255]);
  });
});

describe('ReportCache', () => {
  const pdf = (n: number, fill = 1) => Buffer.alloc(n, fill);

  it('evicts the least recently used reports to stay within its size', () => {
    const cache = new ReportCache(100);
    cache.set('a', pdf(40));
    cache.set('b', pdf(40));
    cache.get('a');
    cache.set('c', pdf(40));
    expect([cache.get('a') !== undefined, cache.get('b') !== undefined, cache.get('c') !== undefined]).toEqual([true, false, true]);
    expect(cache.bytes).toBe(80);
    cache.set('huge', pdf(101));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.bytes).toBe(80);
  });

  it('renders once for concurrent requests of the same report', async () => {
    const cache = new ReportCache();
    let renders = 0;
    const make = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 10));
      return pdf(10, renders);
    };
    const [x, y] = await Promise.all([cache.getOrCreate('k', make), cache.getOrCreate('k', make)]);
    expect(renders).toBe(1);
    expect(x).toBe(y);
    expect(await cache.getOrCreate('k', make)).toBe(x);
    expect([cache.misses, cache.hits]).toEqual([1, 1]);
  });

  it('does not keep a failed rendering', async () => {
    const cache = new ReportCache();
    await expect(cache.getOrCreate('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.getOrCreate('k', async () => pdf(3))).toEqual(pdf(3));
  });
});
