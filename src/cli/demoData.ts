import type { Questionnaire } from '../questionnaire/schema.js';

/** A small deterministic generator, so the demo looks the same on every machine. */
export function seededRandom(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoRespondent {
  role: 'manager' | 'staff';
  department: string;
}

/** The demo organization's people: managers rate a little higher than staff, as they often do. */
export const DEMO_DEPARTMENTS = ['فروش', 'خدمات پس از فروش', 'تولید', 'مالی'];

/**
 * One demo respondent's answers. `lift` moves a dimension's answers up or down (in scale points), so an
 * earlier round can start lower where the organization later acted.
 */
export function demoAnswers(q: Questionnaire, who: DemoRespondent, random: () => number, lift: Partial<Record<'culture' | 'process' | 'interaction', number>> = {}): Record<string, number | null> {
  const leaning = { culture: 0.4 + (lift.culture ?? 0), process: -0.5 + (lift.process ?? 0), interaction: 0.1 + (lift.interaction ?? 0) };
  const roleBias = who.role === 'manager' ? 0.6 : 0;
  const answers: Record<string, number | null> = {};
  for (const item of q.items) {
    const r = random();
    if (r < 0.04) continue; // skipped
    if (r < 0.08) {
      answers[item.id] = null; // don't know
      continue;
    }
    const mid = (item.scale.min + item.scale.max) / 2;
    const agreement = leaning[item.dimension] + roleBias + (random() - 0.5) * 2.2;
    const value = Math.round(mid + (item.reverse ? -agreement : agreement));
    answers[item.id] = Math.min(item.scale.max, Math.max(item.scale.min, value));
  }
  return answers;
}

/**
 * What the demo's respondents write in the comment box of a section, by section id (both questionnaire
 * versions share these ids). Realistic and varied, so the comments tab and the reports have themes to
 * show; one carries a phone number, which the service replaces before storing it.
 */
const DEMO_COMMENTS: Record<string, string[]> = {
  information: [
    'اطلاعات مشتریان در چند سامانه‌ی جدا ثبت می‌شود و هیچ‌کس تصویر کاملی از مشتری ندارد.',
    'سامانه‌ی اطلاعات مشتریان داریم اما کسی آن را به‌روز نمی‌کند.',
    'اطلاعات شکایت‌ها به واحد فروش نمی‌رسد.',
    'برای تصمیم‌گیری از اطلاعات مشتریان کمتر استفاده می‌شود؛ بیشتر سلیقه‌ای تصمیم می‌گیریم.',
    'اطلاعات مشتریان پراکنده است و هر واحد فایل خودش را دارد.',
    'سامانه‌ی اطلاعات مشتریان کند است.',
  ],
  'internal-processes': [
    'فرایند ثبت سفارش بیش از حد طولانی است و چند امضا لازم دارد.',
    'فرایندها برای راحتی خودمان طراحی شده‌اند نه برای مشتری.',
    'فرایند بازگشت کالا پیچیده است و مشتری چند بار مراجعه می‌کند.',
    'بوروکراسی و امضاهای پی‌درپی کار را کند می‌کند.',
    'فرایند پاسخ به شکایت روشن نیست؛ معلوم نیست مسئولش کیست.',
  ],
  accountability: [
    'پاسخ‌گویی به تماس‌های مشتریان در ساعت‌های شلوغ ضعیف است.',
    'پاسخگویی تلفنی کند است و مشتری پشت خط می‌ماند.',
    'زمان انتظار برای پاسخ‌گویی به شکایت‌ها طولانی است.',
    'کارکنان برای پاسخ‌گویی به پرسش‌های فنی آموزش کافی ندیده‌اند.',
    'پاسخ‌گویی در شعبه‌ی مرکزی بهتر شده است.',
    'اگر کارم را بهتر کنم کسی نمی‌بیند؛ تشویقی در کار نیست. شماره‌ی داخلی من ۰۲۱۸۸۷۷۶۶۵۵ است.',
  ],
  listening: [
    'نظرسنجی مشتریان انجام می‌شود اما نتیجه‌اش به ما گفته نمی‌شود.',
    'صدای مشتری به مدیران نمی‌رسد؛ گزارش‌ها خلاصه و بی‌اثر است.',
    'نظرسنجی‌ها هر سال تکرار می‌شود ولی چیزی تغییر نمی‌کند.',
    'پیشنهادهای کارکنان درباره‌ی مشتریان بی‌جواب می‌ماند.',
  ],
  'customer-level': [
    'کیفیت خدمات پس از فروش پایین‌تر از رقیبان است.',
    'خدمات پس از فروش دیر به مشتری می‌رسد و قطعه‌ی یدکی کم است.',
    'کیفیت محصول خوب است اما خدمات پس از فروش ضعیف است.',
    'مشتریان از برخورد محترمانه‌ی کارکنان راضی‌اند.',
  ],
};

/** The comments one demo respondent writes: about one in two writes one, in one or two sections. */
export function demoComments(q: Questionnaire, random: () => number): Record<string, string> {
  const sections = q.sections.map((s) => s.id).filter((id) => DEMO_COMMENTS[id]);
  const out: Record<string, string> = {};
  if (random() < 0.45) return out;
  const count = random() < 0.7 ? 1 : 2;
  for (let i = 0; i < count && sections.length; i++) {
    const section = sections[Math.floor(random() * sections.length)];
    const pool = DEMO_COMMENTS[section];
    out[section] = pool[Math.floor(random() * pool.length)];
  }
  return out;
}

/** How many of the demo organization's customers answer its customer survey. */
export const DEMO_CUSTOMERS = 40;

/**
 * How the demo's customers see the organization, per customer item (in scale points from the middle): worse
 * than its staff think on after-sales service, time and complaints, about as well on courtesy — so the
 * customers' view shows gaps of different sizes. Items not listed lean slightly positive.
 */
const CUSTOMER_LEANING: Record<string, number> = {
  'cx.after-sales': -1.0,
  'cx.time-respected': -0.8,
  'cx.complaints-handled': -0.7,
  'cx.follow-through': -0.5,
  'cx.heard': -0.4,
  'cx.flexibility': -0.2,
  'cx.courtesy': 0.7,
  'cx.staff-reliable-friendly': 0.5,
  'cx.product-quality': 0.4,
};

/** One demo customer's answers to the customer questionnaire: a few skip or answer "don't know" (after-sales most). */
export function demoCustomerAnswers(q: Questionnaire, random: () => number): Record<string, number | null> {
  const mood = (random() - 0.5) * 1.2; // some customers are happier than others
  const answers: Record<string, number | null> = {};
  for (const item of q.items) {
    const r = random();
    if (r < 0.03) continue;
    if (r < (item.id === 'cx.after-sales' || item.id === 'cx.complaints-handled' ? 0.25 : 0.07)) {
      answers[item.id] = null;
      continue;
    }
    const mid = (item.scale.min + item.scale.max) / 2;
    const value = Math.round(mid + (CUSTOMER_LEANING[item.id] ?? 0.2) + mood + (random() - 0.5) * 2);
    answers[item.id] = Math.min(item.scale.max, Math.max(item.scale.min, value));
  }
  return answers;
}
