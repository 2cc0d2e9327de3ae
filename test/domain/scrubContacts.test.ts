import { describe, expect, it } from 'vitest';
import { NATIONAL_ID, REDACTED, scrubContacts } from '../../src/domain/scrubContacts.js';

describe('scrubContacts: contact details never reach storage', () => {
  it.each([
    ['با من تماس بگیرید: ali.rezaei@example.co.ir', `با من تماس بگیرید: ${REDACTED}`],
    ['شماره‌ام ۰۹۱۲۳۴۵۶۷۸۹ است', `شماره‌ام ${REDACTED} است`],
    ['شماره‌ام ۰۹۱۲ ۳۴۵ ۶۷۸۹ است', `شماره‌ام ${REDACTED} است`],
    ['call +98 912 345 6789 please', `call ${REDACTED} please`],
    ['call 0098-912-345-6789', `call ${REDACTED}`],
    ['داخلی: (۰۲۱) ۸۸۷۷-۶۶۵۵', `داخلی: ${REDACTED}`],
    ['٠٩١٢٣٤٥٦٧٨٩ عربی', `${REDACTED} عربی`],
    ['کد ملی من ۰۰۱۲۳۴۵۶۷۸ است', `کد ملی من ${REDACTED} است`],
    ['see https://intranet.example.com/page?id=4 for more', `see ${REDACTED} for more`],
    ['سایت www.example.ir را ببینید', `سایت ${REDACTED} را ببینید`],
    ['نشانی shop.example.com/تماس', `نشانی ${REDACTED}`],
    // Forms seen in real comments that slipped through before.
    ['شماره‌ام ۰۹۱۲.۳۴۵.۶۷۸۹ است', `شماره‌ام ${REDACTED} است`],
    ['موبایل 0912.345.6789', `موبایل ${REDACTED}`],
    ['موبایل ۰۹۱۲_۳۴۵_۶۷۸۹', `موبایل ${REDACTED}`],
    ['+98.912.345.6789 بزنید', `${REDACTED} بزنید`],
    ['ایمیل علی@مثال.ایران است', `ایمیل ${REDACTED} است`],
    ['در تلگرام @ali_rezaei پیام بدهید', `در تلگرام ${REDACTED} پیام بدهید`],
    ['اینستاگرام: @shop.pars.ir', `اینستاگرام: ${REDACTED}`],
    ['فایل‌ها در ftp://files.example.org/x هست', `فایل‌ها در ${REDACTED} هست`],
    ['صفحه‌ی ما example.shop است', `صفحه‌ی ما ${REDACTED} است`],
    // Invisible marks between the digits (a ZWNJ typed with shift+space, LRM/RLM and isolates that come
    // along when a number is copied from a right-to-left chat) do not hide a number.
    ['شماره ۰۹۱۲\u200C۳۴۵\u200C۶۷۸۹ است', `شماره ${REDACTED} است`],
    ['شماره \u200E0912\u200E345\u200E6789', `شماره \u200E${REDACTED}`],
    ['کد ملی ۰۰۱\u200F۲۳۴۵۶۷۸', `کد ملی ${REDACTED}`],
    ['شماره ۰۹۱۲\u2066۳۴۵۶۷۸۹\u2069 است', `شماره ${REDACTED}\u2069 است`],
  ])('%s', (input, expected) => {
    expect(scrubContacts(input)).toBe(expected);
  });

  it('leaves an @ that is not a handle, and dotted numbers that are not mobile numbers, alone', () => {
    for (const text of ['جلسه @ ساعت ۱۰', 'نسخه‌ی 2.4.1 را نصب کردیم', 'از ۱۴۰۲.۱۰.۰۱ تا ۱۴۰۳.۰۲.۰۱', 'رشد ۱۲.۵٪ بود', 'a@b']) expect(scrubContacts(text)).toBe(text);
  });

  it('leaves dates, years, percentages, small numbers and Persian text alone, ZWNJ included', () => {
    const text = 'از ۱۴۰۲/۱۰/۰۱ تا امروز، ۳ بار شکایت کردیم و ۲۰٪ مشتریان رفتند؛ پاسخ‌گویی در سال 1403 بهتر شد (3.5 از 5).';
    expect(scrubContacts(text)).toBe(text);
  });

  it('recognizes a 10-digit national id in every digit set', () => {
    for (const id of ['0012345678', '۰۰۱۲۳۴۵۶۷۸', '٠٠١٢٣٤٥٦٧٨']) expect(NATIONAL_ID.test(`x ${id} y`)).toBe(true);
    expect(NATIONAL_ID.test('12345678901')).toBe(false);
  });
});
