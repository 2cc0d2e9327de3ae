import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent } from '../../src/reports/text/format.js';

describe('report number and date formatting', () => {
  it('uses Persian digits and separators for fa', () => {
    expect(formatNumber(3.8, 'fa')).toBe('۳٫۸');
    expect(formatNumber(1234.567, 'fa', { maximumFractionDigits: 1 })).toBe('۱٬۲۳۴٫۶');
    expect(formatPercent(0.76, 'fa')).toBe('۷۶٪');
    expect(formatPercent(0.725, 'fa')).toBe('۷۲٫۵٪');
  });

  it('uses Latin digits for en', () => {
    expect(formatNumber(1234.567, 'en', { maximumFractionDigits: 1 })).toBe('1,234.6');
    expect(formatPercent(0.725, 'en')).toBe('72.5%');
  });

  it('formats long dates in the Solar Hijri calendar for fa', () => {
    const nowruz = new Date('2025-03-21T12:00:00Z');
    expect(formatDate(nowruz, 'fa', { timeZone: 'Asia/Tehran' })).toBe('۱ فروردین ۱۴۰۴');
    expect(formatDate(nowruz, 'en', { timeZone: 'Asia/Tehran' })).toBe('21 March 2025');
  });
});
