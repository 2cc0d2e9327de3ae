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
      ['تماس‌ها', 2],
      ['زمان انتظار', 2], // stopwords-iso lists «زمان»; this survey keeps it
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

  // What a consultant reads for the demo's kind of comments: whole ideas, not what idioms leave behind.
  const PROCESSES = [
    'فرایند ثبت سفارش بیش از حد طولانی است و چند امضا لازم دارد.',
    'فرایند ثبت سفارش هنوز کاغذی است.',
    'امضاهای پی‌درپی کار را کند می‌کند.',
    'برای هر سفارش چند امضا لازم است؛ بیش از حد وقت می‌گیرد.',
    'فرایند بازگشت کالا بیش از حد پیچیده است.',
  ];
  const SERVICE = [
    'خدمات پس از فروش دیر به مشتری می‌رسد.',
    'کیفیت خدمات پس از فروش پایین است.',
    'در شعبه‌ی مرکزی برخورد خوب است اما در شعبه‌ی شمال نه.',
    'راه حل مشکل مشتری را کسی پیگیری نمی‌کند.',
    'برای شکایت‌ها راه‌حل روشنی نداریم.',
    'شعبه‌ی مرکزی شلوغ است.',
  ];
  const LISTENING = [
    'پیشنهادهای کارکنان بی‌جواب می‌ماند.',
    'پیشنهادهای مشتریان به مدیران نمی‌رسد.',
    'نظرسنجی‌ها تکرار می‌شود و نتیجه‌ای ندارد.',
    'نتیجه‌ی نظرسنجی را به ما نمی‌گویند.',
    'نتیجه‌ی نظرسنجی را به ما نمی‌گویند.',
  ];
  const demoLike = themesBySection([
    { section: 'processes', comments: PROCESSES },
    { section: 'service', comments: SERVICE },
    { section: 'listening', comments: LISTENING },
  ]);
  const terms = (section: string) => demoLike.get(section)!.map((t) => [t.term, t.count]);

  it('finds whole ideas in a hand-made corpus: no fragments of idioms, one of two overlapping phrases', () => {
    // «بیش از حد طولانی» left «حد طولانی», «چند امضا لازم دارد» left «امضا لازم», and «فرایند ثبت» came
    // beside «ثبت سفارش» for the same two comments.
    expect(terms('processes')).toEqual([
      ['امضا', 3],
      ['سفارش', 3],
      ['فرایند', 3],
      ['ثبت سفارش', 2],
    ]);
  });

  it('keeps the survey\'s own subjects that stopwords-iso lists, and fixed expressions whole', () => {
    // «خدمات» and «پس» are in stopwords-iso: the theme was «فروش» (sales), the opposite of what was said.
    // «راه حل» and «راه‌حل» are one word.
    expect(terms('service')).toEqual([
      ['خدمات پس از فروش', 2],
      ['راه حل', 2],
      ['شعبه‌ی مرکزی', 2],
    ]);
  });

  it('shows a theme without the ezafe its sentence gave it, with two different comments as examples', () => {
    expect(terms('listening')).toEqual([
      ['نتیجه', 3],
      ['نظرسنجی', 3],
      ['نتیجه‌ی نظرسنجی', 2], // the ezafe inside a phrase stays: it joins the two words
      ['پیشنهادها', 2],
    ]);
    const result = demoLike.get('listening')!.find((t) => t.term === 'نتیجه')!;
    expect(result.examples).toEqual([LISTENING[2], LISTENING[3]]);
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
