import type { ReportLang } from '../text/index.js';
import type { MethodBlock } from './types.js';

// The appendix's explanations (statistics.md, in the reader's words). Formulas are written left to right in
// both languages; every figure that depends on the assessment is passed in already formatted.

export interface MethodFigures {
  threshold: string;
  /** Whether the questionnaire offers "not applicable" (mehvar-core v2, not v1): only then is it explained. */
  notApplicable: boolean;
}

export function methodBlocks(lang: ReportLang, f: MethodFigures): MethodBlock[] {
  return lang === 'fa' ? fa(f) : en(f);
}

function fa({ threshold, notApplicable }: MethodFigures): MethodBlock[] {
  return [
    {
      heading: 'امتیاز پرسش و امتیاز پاسخ‌دهنده',
      paragraphs: [
        `هر پاسخ روی مقیاس ۱ تا ۵ به امتیازی از ۰ تا ۱۰۰ تبدیل می‌شود؛ در پرسش‌های معکوس جهت مقیاس برعکس است. ${notApplicable ? '«نمی‌دانم»، «مربوط نیست»' : '«نمی‌دانم»'} و پرسش بی‌پاسخ، داده‌ی گمشده‌اند و هرگز صفر حساب نمی‌شوند.`,
        `امتیاز هر پاسخ‌دهنده در یک بُعد، بخش یا سطح، میانگین وزنی امتیاز پرسش‌هایی است که به آن‌ها پاسخ داده است. کسی که کمتر از دوسوم پرسش‌های آن گروه را پاسخ داده باشد، برای آن گروه امتیازی ندارد${notApplicable ? '؛ پرسشی که برای او «مربوط نیست» در این شمارش نمی‌آید' : ''}.`,
      ],
      formulas: ['s = (x − 1) / 4 × 100        reverse: s = (5 − x) / 4 × 100'],
    },
    {
      heading: 'امتیاز سازمان و بازه‌ی اطمینان ۹۵٪',
      paragraphs: [
        'امتیاز سازمان در هر بُعد، بخش یا سطح، میانگین امتیاز پاسخ‌دهندگان است و آمادگی کلی، میانگین سه بُعد فرهنگ، فرایند و تعامل. بازه‌ی اطمینان ۹۵٪ نشان می‌دهد میانگین واقعی کل سازمان احتمالاً کجاست: بازه‌ای که به این روش ساخته شود، در ۹۵ مورد از ۱۰۰ مورد میانگین واقعی را در بر می‌گیرد.',
        'وقتی تعداد کارکنان (یا دعوت‌شدگان) معلوم است، ضریب جمعیت محدود بازه را کوچک‌تر می‌کند، زیرا وقتی بیشتر افراد سازمان پاسخ داده‌اند، عدم قطعیت کمتری باقی می‌ماند. بازه در این گزارش به محدوده‌ی ۰ تا ۱۰۰ محدود شده است.',
      ],
      formulas: ['mean ± t(0.975, n − 1) · sd / √n · √((N − n) / (N − 1))'],
    },
    {
      heading: 'سطح بلوغ',
      paragraphs: [
        'هر امتیاز به یکی از پنج سطح تبدیل می‌شود: کمتر از ۲۰ سطح ۱، کمتر از ۴۰ سطح ۲، کمتر از ۶۰ سطح ۳، کمتر از ۸۰ سطح ۴ و از ۸۰ به بالا سطح ۵؛ سطح از روی همان امتیازی خوانده می‌شود که با یک رقم اعشار در این گزارش آمده است (۳۹٫۹۶ همان ۴۰٫۰ است و سطح ۳). سطح کلی سازمان از «یک سطح بالاتر از ضعیف‌ترین بُعد» فراتر نمی‌رود تا یک بُعد قوی ضعف بُعد دیگر را پنهان نکند.',
      ],
      formulas: ['level = min(level(overall), 1 + min(level(culture), level(process), level(interaction)))'],
    },
    {
      heading: 'پایایی: آلفای کرونباخ',
      paragraphs: [
        'آلفا برای هر بُعد روی پاسخ‌دهندگانی حساب می‌شود که به همه‌ی پرسش‌های آن بُعد پاسخ داده‌اند (دست‌کم سه نفر). آلفای ۰٫۷ یا بیشتر پذیرفتنی است: پرسش‌های آن بُعد یک مفهوم را می‌سنجند. مقدار کمتر یعنی پرسش‌های آن بُعد با هم هم‌خوان نیستند و امتیاز آن بُعد را باید با احتیاط خواند.',
      ],
      formulas: ['alpha = k / (k − 1) · (1 − sum(var(item)) / var(total))'],
    },
    {
      heading: 'توافق: شاخص rwg(j)',
      paragraphs: [
        'این شاخص پراکندگی پاسخ‌ها به پرسش‌های یک بُعد را با پراکندگی پاسخ‌های کاملاً تصادفی مقایسه می‌کند. مقدار ۰٫۷ یا بیشتر یعنی کارکنان تا حد زیادی هم‌نظرند و امتیاز سطح سازمان معنادار است؛ مقدار کمتر یعنی افراد یا واحدها سازمان را متفاوت تجربه می‌کنند و مقایسه‌ی گروه‌ها اهمیت بیشتری پیدا می‌کند.',
      ],
      formulas: ['r = mean(var(item)) / ((A² − 1) / 12)        rwg(j) = J(1 − r) / (J(1 − r) + r)'],
    },
    {
      heading: 'ناشناس‌ماندن',
      paragraphs: [
        `آستانه‌ی ناشناس‌ماندن در این ارزیابی ${threshold} پاسخ است. از هر نقش یا واحدی که کمتر از این تعداد پاسخ دارد هیچ عدد و حتی تعداد دقیق پاسخ گزارش نمی‌شود. اگر فقط یک گروه پنهان شود، کوچک‌ترین گروه بعدی هم پنهان می‌شود تا عدد گروه پنهان از تفاضل با کل به دست نیاید. شکاف ادراک مدیران و کارکنان هم تنها وقتی نشان داده می‌شود که هیچ‌یک از این دو گروه پنهان نباشد.`,
      ],
      formulas: [],
    },
    {
      heading: 'کیفیت پاسخ‌ها',
      paragraphs: [
        'پاسخی که دست‌کم به ۱۰ پرسش پاسخ داده و همه را با یک گزینه‌ی یکسان، «یکنواخت» علامت می‌خورد؛ چنین پاسخی ممکن است بدون خواندن پرسش‌ها داده شده باشد. این پاسخ‌ها شمرده و فهرست می‌شوند اما در محاسبه‌ها باقی می‌مانند. نرخ پاسخ، نسبت پاسخ‌های ثبت‌شده به دعوت‌شدگان است.',
      ],
      formulas: [],
    },
  ];
}

function en({ threshold, notApplicable }: MethodFigures): MethodBlock[] {
  return [
    {
      heading: 'Item and respondent scores',
      paragraphs: [
        `Each answer on the 1–5 scale becomes an item score from 0 to 100; reverse-coded items run the other way. ${notApplicable ? '“Don’t know”, “Not applicable”' : '“Don’t know”'} and unanswered items are missing, never zero.`,
        `A respondent’s score for a dimension, section or level is the weighted mean of the items they answered. Anyone who answered fewer than two-thirds of a group’s items has no score for that group${notApplicable ? '; items they marked “Not applicable” are left out of that count' : ''}.`,
      ],
      formulas: ['s = (x − 1) / 4 × 100        reverse: s = (5 − x) / 4 × 100'],
    },
    {
      heading: 'Organization scores and the 95% confidence interval',
      paragraphs: [
        'The organization’s score for a dimension, section or level is the mean of its respondents’ scores; overall readiness is the mean of the three dimensions culture, process and interaction. The 95% confidence interval says where the whole organization’s true mean probably lies: intervals built this way contain the true mean 95 times out of 100.',
        'When the headcount (or the number invited) is known, the finite-population correction narrows the interval: when most of the organization has answered, little uncertainty remains. Intervals in this report are limited to the 0–100 scale.',
      ],
      formulas: ['mean ± t(0.975, n − 1) · sd / √n · √((N − n) / (N − 1))'],
    },
    {
      heading: 'Maturity level',
      paragraphs: [
        'Every score maps to one of five levels: below 20 is level 1, below 40 level 2, below 60 level 3, below 80 level 4, and 80 or more level 5, read from the score as this report shows it, with one decimal (39.96 shows as 40.0 and is level 3). The organization’s overall level is at most one above its weakest dimension, so that one strong dimension cannot hide a weak one.',
      ],
      formulas: ['level = min(level(overall), 1 + min(level(culture), level(process), level(interaction)))'],
    },
    {
      heading: 'Reliability: Cronbach’s alpha',
      paragraphs: [
        'Alpha is computed per dimension over the respondents who answered all of its items (at least three). 0.7 or more is acceptable: the items measure one thing. Lower means the dimension’s items disagree with each other, and its score should be read with caution.',
      ],
      formulas: ['alpha = k / (k − 1) · (1 − sum(var(item)) / var(total))'],
    },
    {
      heading: 'Agreement: rwg(j)',
      paragraphs: [
        'rwg(j) compares how widely answers to a dimension’s items spread with the spread of purely random answers. 0.7 or more means staff largely agree, so the organization-level score is meaningful; lower means people or departments experience the organization differently, and the group comparison matters more.',
      ],
      formulas: ['r = mean(var(item)) / ((A² − 1) / 12)        rwg(j) = J(1 − r) / (J(1 − r) + r)'],
    },
    {
      heading: 'Anonymity',
      paragraphs: [
        `The anonymity threshold of this assessment is ${threshold} responses. No figure — not even the exact number of responses — is reported for a role or department below it. When exactly one group is withheld, the next smallest is withheld too, so the hidden group cannot be recovered by subtraction from the total. The manager–staff perception gap is shown only when neither group is withheld.`,
      ],
      formulas: [],
    },
    {
      heading: 'Response quality',
      paragraphs: [
        'A response that answered at least 10 items, all with the same option, is flagged as straight-lined: it may have been given without reading the questions. Flagged responses are counted and listed but stay in the figures. The response rate is submitted responses divided by invitations.',
      ],
      formulas: [],
    },
  ];
}
