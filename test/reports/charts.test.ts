import { describe, expect, it } from 'vitest';
import type { ChartConfiguration } from 'chart.js';
import { ChartRenderer, registerChartFonts, rtlLabel } from '../../src/reports/charts/index.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which always follows the 8-byte signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const radar: ChartConfiguration<'radar'> = {
  type: 'radar',
  data: {
    labels: ['فرهنگ', 'فرایند', 'تعامل'].map(rtlLabel),
    datasets: [{ label: rtlLabel('شرکت نمونه پارس'), data: [3.8, 2.9, 4.2] }],
  },
  options: { locale: 'fa-IR', scales: { r: { min: 0, max: 5 } } },
};

const bars: ChartConfiguration<'bar'> = {
  type: 'bar',
  data: {
    labels: ['فرهنگ مشتری‌مداری', 'شاخص‌های تجربه مشتری — Customer Experience'].map(rtlLabel),
    datasets: [{ label: rtlLabel('امتیاز'), data: [76, 58.5] }],
  },
  options: { indexAxis: 'y', locale: 'fa-IR', scales: { x: { reverse: true }, y: { position: 'right' } } },
};

describe('rtlLabel', () => {
  it('isolates labels whose first letter is right-to-left', () => {
    expect(rtlLabel('شاخص‌ها — Customer Experience')).toBe('\u2067شاخص‌ها — Customer Experience\u2069');
    expect(rtlLabel('۱۲ فرهنگ')).toBe('\u2067۱۲ فرهنگ\u2069');
  });

  it('leaves Latin-first, letterless and already isolated labels alone', () => {
    expect(rtlLabel('Customer Experience — تجربه مشتری')).toBe('Customer Experience — تجربه مشتری');
    expect(rtlLabel('۱۲٪')).toBe('۱۲٪');
    expect(rtlLabel(rtlLabel('فرهنگ'))).toBe(rtlLabel('فرهنگ'));
  });
});

describe('ChartRenderer', () => {
  it('renders PNGs at twice the layout size, for each size asked', async () => {
    registerChartFonts();
    registerChartFonts();
    const renderer = new ChartRenderer();
    const size = { width: 400, height: 300 };
    const pngs = [
      await renderer.render(radar, size),
      await renderer.render(bars, size),
      await renderer.render(bars, { width: 320, height: 200 }),
    ];
    expect(pngs.map(pngSize)).toEqual([
      { width: 800, height: 600 },
      { width: 800, height: 600 },
      { width: 640, height: 400 },
    ]);
    expect(radar.options?.devicePixelRatio).toBeUndefined();
  });

  it('honours another device pixel ratio', async () => {
    const png = await new ChartRenderer({ devicePixelRatio: 1 }).render(radar, { width: 300, height: 200 });
    expect(pngSize(png)).toEqual({ width: 300, height: 200 });
  });
});
