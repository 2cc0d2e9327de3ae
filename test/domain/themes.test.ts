import { describe, expect, it } from 'vitest';
import { STOP_WORDS, stem, themesBySection, tokens } from '../../src/domain/themes.js';

const RESPONSIVENESS = [
  'پاسخ‌گویی به تماس‌ها خیلی کند است و مشتریان منتظر می‌مانند.',
  'پاسخگویی تلفنی ضعیف است؛ تماس‌ها بی‌پاسخ می‌ماند.',
  'زمان انتظار برای پاسخ‌گويي طولانی است.', // Arabic yeh, as typed on an Arabic layout
  'کارکنان آموزش کافی برای پاسخ‌گویی ندارند.',
  'زمان انتظار در شعبه‌ها زیاد است.',
];
const CULTURE = [
  'آموزش کارکنان جدی گرفته نمی‌شود.',
  'مدیران به پیشنهادهای کارکنان گوش نمی‌دهند.',
  'آموزش‌ها کلی است و به کار روزانه ربطی ندارد.',
  'پیشنهادها بی‌جواب می‌ماند.',
];

describe('themes of comments', () => {
  const themes = themesBySection([
    { section: 'resp', comments: RESPONSIVENESS },
    { section: 'culture', comments: CULTURE },
  ]);

  it('finds the hand-picked top themes of a small Persian corpus, ZWNJ variants and plurals merged', () => {
    expect(themes.get('resp')!.map((t) => [t.term, t.count])).toEqual([
      ['پاسخ‌گویی', 4],
      ['انتظار', 2], // «زمان» is one of stopwords-iso's Persian stop words, so «زمان انتظار» is no phrase
      ['تماس‌ها', 2],
    ]);
    expect(themes.get('culture')!.map((t) => [t.term, t.count])).toEqual([
      ['پیشنهادها', 2],
      ['آموزش', 2],
    ]);
  });

  it('gives each theme two example comments that use it', () => {
    const [first] = themes.get('resp')!;
    expect(first.examples).toEqual([RESPONSIVENESS[0], RESPONSIVENESS[1]]);
  });

  it('never offers a stop word, or a word of one comment only, as a theme', () => {
    for (const list of themes.values()) for (const t of list) for (const w of t.term.split(' ')) expect(STOP_WORDS.has(w.replace(/\u200C/g, ''))).toBe(false);
    expect(tokens('و از به با این که را برای است').map((t) => t.key)).toEqual([]);
    expect(tokens('the and of with is customers staff').map((t) => t.key)).toEqual([]);
  });

  it('stems plural and possessive suffixes lightly, and leaves words that only look suffixed', () => {
    expect(stem('کتاب‌هایمان')).toBe('کتاب');
    expect(stem('اطلاعات')).toBe('اطلاع');
    expect(stem('کارکنان')).toBe('کارکن');
    expect(stem('ایران')).toBe('ایران');
    expect(stem('زمان')).toBe('زمان');
    expect(stem('complaints')).toBe('complaint');
    expect(stem('process')).toBe('process');
  });

  it('works for English comments too', () => {
    const en = themesBySection([
      { section: 'a', comments: ['Waiting times on the phone are long', 'Long waiting times at branches', 'Phone support is slow'] },
      { section: 'b', comments: ['Training is rare', 'More training please'] },
    ]);
    // "long" is an English stop word in stopwords-iso; the phrase replaces "waiting" and "times".
    expect(en.get('a')!.map((t) => t.term)).toEqual(['phone', 'waiting times']);
    expect(en.get('b')!.map((t) => t.term)).toEqual(['training']);
  });
});
