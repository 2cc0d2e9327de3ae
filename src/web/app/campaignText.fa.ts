// The email campaign's words on the dashboard (campaignPanel.tsx, campaignPages.tsx), Persian first.
export const CAMPAIGN_FA = {
  title: 'دعوت و یادآوری با ایمیل',
  off: 'ارسال ایمیل روی این سرور راه‌اندازی نشده است (SMTP_URL تعیین نشده). پیوندها را بسازید و خودتان بفرستید، یا از مدیر سامانه بخواهید SMTP_URL را تنظیم کند.',
  privacy:
    'نشانی‌های ایمیل جدا از پاسخ‌ها نگه داشته می‌شوند، در هیچ خروجی و فهرستی نمی‌آیند و هنگام بستن ارزیابی برای همیشه پاک می‌شوند. شما فقط شمار پیام‌ها و پیشرفت هر واحد را می‌بینید، هرگز وضعیت یک نفر را.',
  invite: 'دعوت با ایمیل',
  counts: { queued: 'در صف', sent: 'فرستاده‌شده', failed: 'ناموفق', cancelled: 'لغوشده' } as Record<string, string>,
  kinds: { invitations: 'دعوت‌نامه‌ها', reminders: 'یادآوری‌ها' } as Record<string, string>,
  kind: 'پیام',
  addresses: (n: string) => `${n} نشانی ایمیل برای این ارزیابی نگه داشته شده است.`,
  deleted: 'ارزیابی بسته شده و نشانی‌های ایمیل آن پاک شده‌اند.',
  remindTitle: 'یادآوری به کسانی که پاسخ نداده‌اند',
  remindHint: 'به همه‌ی دعوت‌شدگان ایمیلی که هنوز پاسخ خود را ثبت نکرده‌اند، با همان پیوند شخصی‌شان، یک یادآوری فرستاده می‌شود. نمی‌بینید چه کسانی.',
  note: 'پیام شما (اختیاری)',
  noteHint: 'در یادآوری، زیر عنوان «پیام مشاور» می‌آید. حداکثر ۲۰۰۰ نویسه.',
  remind: 'فرستادن یادآوری',
  remindConfirm: 'به همه‌ی کسانی که هنوز پاسخ نداده‌اند یادآوری فرستاده شود؟',
  reminded: (n: string, sent: string, queued: string) => `یادآوری برای ${n} نفر آماده شد: ${sent} فرستاده شد و ${queued} در صف است (ارسال خودکار با تلاش دوباره).`,
  noteRefused: 'پیام شما نویسه‌های کنترلی یا جهت‌نما دارد و پذیرفته نشد؛ هیچ یادآوری فرستاده نشد. پیام را دوباره بنویسید.',
  noAddresses: 'هنوز کسی با ایمیل دعوت نشده است.',

  pageTitle: 'دعوت با ایمیل',
  pageIntro: (closes: string | null) =>
    `برای هر نشانی یک پیوند شخصی ساخته و با ایمیل فرستاده می‌شود، همراه نام سازمان${closes ? ` و مهلت پاسخ (${closes})` : ''}. نشانی‌ای که پیش‌تر در همین ارزیابی دعوت شده، پیوند دوم نمی‌گیرد.`,
  role: 'نقش',
  roles: { staff: 'کارکنان', manager: 'مدیران' } as Record<string, string>,
  department: 'واحد سازمانی',
  noDepartment: 'بدون واحد',
  lang: 'زبان پیام و پرسش‌نامه',
  langs: { fa: 'فارسی', en: 'انگلیسی' } as Record<string, string>,
  emails: 'نشانی‌های ایمیل',
  emailsHint: 'هر سطر یک نشانی (حداکثر ۲٬۰۰۰). نشانی‌های تکراری یک بار به حساب می‌آیند.',
  send: 'ساختن پیوندها و فرستادن',
  back: 'بازگشت به ارزیابی',
  errors: {
    role: 'نقش را انتخاب کنید.',
    department: 'واحد را از فهرست واحدهای سازمان انتخاب کنید.',
    lang: 'زبان را انتخاب کنید.',
    emails: 'دست‌کم یک نشانی ایمیل بنویسید (حداکثر ۲٬۰۰۰).',
  } as Record<string, string>,
  badLines: (lines: string) => `این سطرها نشانی ایمیل درستی نیستند: ${lines}. هیچ پیوندی ساخته و هیچ ایمیلی فرستاده نشد.`,

  cap: (left: string) => `هر ارزیابی حداکثر ۲۰٬۰۰۰ پیوند می‌تواند داشته باشد؛ ${left} پیوند دیگر می‌توان ساخت. هیچ ایمیلی فرستاده نشد.`,
  resultTitle: (n: string) => `دعوت‌نامه‌ها برای ${n} نشانی`,
  resultSummary: (sent: string, queued: string, failed: string, already: string) =>
    `${sent} فرستاده شد، ${queued} در صف (با تلاش دوباره فرستاده می‌شود)، ${failed} ناموفق، ${already} پیش‌تر دعوت شده بود.`,
  columns: { email: 'نشانی', status: 'وضعیت', error: 'دلیل' },
  status: { sent: 'فرستاده شد', queued: 'در صف', failed: 'ناموفق', alreadyInvited: 'پیش‌تر دعوت شده' } as Record<string, string>,
  resultNote: 'این فهرست فقط همین یک بار نشان داده می‌شود؛ پس از این، فقط شمار پیام‌ها دیده می‌شود.',
};

export type CampaignText = typeof CAMPAIGN_FA;
