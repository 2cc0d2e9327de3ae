import type { Lang } from '../shared/i18n.js';

// The branding page's words in both languages, apart from messages.*.ts so the page reads as one file.

export interface BrandingText {
  nav: string;
  title: string;
  intro: string;
  sourceDefault: string;
  sourceOwn: string;
  fields: { firmNameFa: string; firmNameEn: string; primaryColor: string; primaryColorHint: string; contact: string; contactHint: string; logo: string; logoHint: string; removeLogo: string };
  save: string;
  saved: string;
  previewTitle: string;
  previewHint: string;
  sample: { kicker: string; organization: string; assessment: string };
  noLogo: string;
  errors: Record<string, string>;
}

const fa: BrandingText = {
  nav: 'برند گزارش‌ها',
  title: 'برند گزارش‌های شما',
  intro: 'نام، رنگ و نشان شرکت شما روی جلد، در سربرگ هر صفحه و در رنگ نمودارهای گزارش‌های PDF و Word سازمان‌هایی می‌آید که شما ساخته‌اید.',
  sourceDefault: 'هنوز برندی تعیین نکرده‌اید؛ گزارش‌ها با برند پیش‌فرض این نصب ساخته می‌شوند.',
  sourceOwn: 'گزارش‌ها با برند زیر ساخته می‌شوند.',
  fields: {
    firmNameFa: 'نام شرکت (فارسی)',
    firmNameEn: 'نام شرکت (انگلیسی)',
    primaryColor: 'رنگ اصلی',
    primaryColorHint: 'به‌صورت #rrggbb، مثلاً #2f5d8a؛ نوار جلد، عنوان‌ها و نمودارها به این رنگ درمی‌آیند.',
    contact: 'خط تماس',
    contactHint: 'یک خط زیر نام شرکت روی جلد؛ می‌تواند خالی بماند.',
    logo: 'نشان (PNG)',
    logoHint: 'فایل PNG تا ۲۵۶ کیلوبایت و ۴٬۰۹۶ پیکسل در هر ضلع. اگر فایلی انتخاب نکنید، نشان فعلی می‌ماند.',
    removeLogo: 'بدون نشان',
  },
  save: 'ذخیرهٔ برند',
  saved: 'برند ذخیره شد؛ گزارش‌های بعدی با آن ساخته می‌شوند.',
  previewTitle: 'پیش‌نمایش جلد',
  previewHint: 'بالای صفحهٔ نخست گزارش، با نمونهٔ یک سازمان.',
  sample: { kicker: 'گزارش بلوغ مشتری‌مداری', organization: 'سازمان مشتری شما', assessment: 'ارزیابی نمونه' },
  noLogo: 'بدون نشان',
  errors: {
    firmNameFa: 'نام فارسی شرکت را بنویسید (تا ۱۲۰ نویسه).',
    firmNameEn: 'نام انگلیسی شرکت را بنویسید (تا ۱۲۰ نویسه).',
    primaryColor: 'رنگ باید به‌صورت #rrggbb باشد، مثلاً #2f5d8a.',
    contact: 'خط تماس حداکثر ۲۰۰ نویسه است.',
    logoPng: 'نشان باید فایل PNG سالم، حداکثر ۲۵۶ کیلوبایت و ۴٬۰۹۶ پیکسل در هر ضلع باشد.',
  },
};

const en: BrandingText = {
  nav: 'Report branding',
  title: 'Your reports’ branding',
  intro: 'Your firm’s name, colour and logo appear on the cover, in every page header and in the charts’ colour of the PDF and Word reports of the organizations you created.',
  sourceDefault: 'You have not set a branding yet: reports use this installation’s default.',
  sourceOwn: 'Reports are branded as below.',
  fields: {
    firmNameFa: 'Firm name (Persian)',
    firmNameEn: 'Firm name (English)',
    primaryColor: 'Primary colour',
    primaryColorHint: 'As #rrggbb, e.g. #2f5d8a: the cover band, headings and charts take this colour.',
    contact: 'Contact line',
    contactHint: 'One line under the firm’s name on the cover; may be left empty.',
    logo: 'Logo (PNG)',
    logoHint: 'A PNG file of at most 256 KiB and 4,096 pixels a side. Without a new file, the current logo stays.',
    removeLogo: 'No logo',
  },
  save: 'Save branding',
  saved: 'Branding saved; reports made from now on carry it.',
  previewTitle: 'Cover preview',
  previewHint: 'The top of a report’s first page, with a sample organization.',
  sample: { kicker: 'Customer-Centricity Maturity Report', organization: 'Your client organization', assessment: 'Sample assessment' },
  noLogo: 'No logo',
  errors: {
    firmNameFa: 'Enter the firm’s Persian name (up to 120 characters).',
    firmNameEn: 'Enter the firm’s English name (up to 120 characters).',
    primaryColor: 'The colour must be #rrggbb, e.g. #2f5d8a.',
    contact: 'The contact line is at most 200 characters.',
    logoPng: 'The logo must be an undamaged PNG file of at most 256 KiB and 4,096 pixels a side.',
  },
};

export const BRANDING_TEXT: Readonly<Record<Lang, BrandingText>> = { fa, en };
