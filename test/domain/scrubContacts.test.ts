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
  ])('%s', (input, expected) => {
    expect(scrubContacts(input)).toBe(expected);
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
