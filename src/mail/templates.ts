// The invitation and reminder messages in the respondent's language: plain text plus the same as HTML.
// Persian first (RTL, Persian digits, Jalali date); user text (the organization's name, the consultant's
// note) is escaped in the HTML and never decides the direction of the words around it.

export type MailLang = 'fa' | 'en';
export type MailKind = 'invitation' | 'reminder';

export interface MessageInput {
  kind: MailKind;
  lang: MailLang;
  organization: string;
  link: string;
  /** ISO instant; the message names its calendar day in Tehran. */
  closesAt: string | null;
  /** The consultant's own words for a reminder, shown as they wrote them. */
  note?: string | null;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const DATE: Record<MailLang, Intl.DateTimeFormat> = {
  fa: new Intl.DateTimeFormat('fa-IR-u-ca-persian', { dateStyle: 'long', timeZone: 'Asia/Tehran' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Asia/Tehran' }),
};

interface Wording {
  subject: (org: string) => string;
  greeting: string;
  lead: (org: string) => string;
  linkLabel: string;
  button: string;
  personal: string;
  anonymous: string;
  closes: (day: string) => string;
  noteLabel: string;
  footer: string;
}

const WORDING: Record<MailLang, Record<MailKind, Wording>> = {
  fa: {
    invitation: {
      subject: (org) => `دعوت به پرسش‌نامه‌ی مشتری‌مداری ${org}`,
      greeting: 'سلام،',
      lead: (org) => `${org} از شما دعوت می‌کند در ارزیابی مشتری‌مداری سازمان شرکت کنید و به پرسش‌نامه‌ی آن پاسخ دهید.`,
      linkLabel: 'پیوند شخصی شما:',
      button: 'شروع پرسش‌نامه',
      personal: 'این پیوند فقط برای شماست؛ آن را برای کسی نفرستید. هر پاسخ همان لحظه ذخیره می‌شود و می‌توانید بعداً با همین پیوند ادامه دهید.',
      anonymous: 'پاسخ‌ها بی‌نام‌اند: هیچ‌کس، نه مدیران سازمان و نه مشاور، پاسخ شما را جدا از دیگران نمی‌بیند و نشانی ایمیل شما پس از پایان ارزیابی پاک می‌شود.',
      closes: (day) => `مهلت پاسخ: تا پایان ${day}`,
      noteLabel: 'پیام مشاور:',
      footer: 'این پیام را سامانه‌ی محور فرستاده است.',
    },
    reminder: {
      subject: (org) => `یادآوری: پرسش‌نامه‌ی مشتری‌مداری ${org}`,
      greeting: 'سلام،',
      lead: (org) => `یادآوری می‌کنیم که پاسخ شما به پرسش‌نامه‌ی مشتری‌مداری ${org} هنوز ثبت نشده است. اگر پاسخ را نیمه‌کاره گذاشته‌اید، با همین پیوند از همان‌جا ادامه دهید.`,
      linkLabel: 'پیوند شخصی شما:',
      button: 'ادامه‌ی پرسش‌نامه',
      personal: 'این پیوند فقط برای شماست؛ آن را برای کسی نفرستید.',
      anonymous: 'پاسخ‌ها بی‌نام‌اند: هیچ‌کس، نه مدیران سازمان و نه مشاور، پاسخ شما را جدا از دیگران نمی‌بیند.',
      closes: (day) => `مهلت پاسخ: تا پایان ${day}`,
      noteLabel: 'پیام مشاور:',
      footer: 'این پیام را سامانه‌ی محور فرستاده است.',
    },
  },
  en: {
    invitation: {
      subject: (org) => `Invitation: ${org} customer-centricity questionnaire`,
      greeting: 'Hello,',
      lead: (org) => `${org} invites you to take part in its customer-centricity assessment by answering a short questionnaire.`,
      linkLabel: 'Your personal link:',
      button: 'Start the questionnaire',
      personal: 'This link is for you alone; please do not forward it. Every answer is saved as you go, and you can come back to it with the same link.',
      anonymous: 'Answers are anonymous: nobody, neither the managers nor the consultant, sees your answers apart from everyone else’s, and your email address is deleted when the assessment closes.',
      closes: (day) => `Please answer by the end of ${day}.`,
      noteLabel: 'A note from the consultant:',
      footer: 'Sent by Mehvar.',
    },
    reminder: {
      subject: (org) => `Reminder: ${org} customer-centricity questionnaire`,
      greeting: 'Hello,',
      lead: (org) => `A reminder that your answers to the ${org} customer-centricity questionnaire have not been submitted yet. If you started, the same link takes you back to where you left off.`,
      linkLabel: 'Your personal link:',
      button: 'Continue the questionnaire',
      personal: 'This link is for you alone; please do not forward it.',
      anonymous: 'Answers are anonymous: nobody, neither the managers nor the consultant, sees your answers apart from everyone else’s.',
      closes: (day) => `Please answer by the end of ${day}.`,
      noteLabel: 'A note from the consultant:',
      footer: 'Sent by Mehvar.',
    },
  },
};

// Where the organization's name goes in a sentence, so the sentence is escaped around the name's own markup.
const SLOT = '\u0000';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A message header must stay on one line whatever the organization is called. */
const oneLine = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

export function renderMessage(m: MessageInput): RenderedMessage {
  const w = WORDING[m.lang][m.kind];
  const org = oneLine(m.organization);
  const day = m.closesAt ? DATE[m.lang].format(new Date(m.closesAt)) : null;
  const note = m.kind === 'reminder' && m.note ? m.note.trim() : '';
  const text = [
    w.greeting,
    '',
    w.lead(org),
    ...(note ? ['', w.noteLabel, note] : []),
    '',
    w.linkLabel,
    m.link,
    '',
    ...(day ? [w.closes(day), ''] : []),
    w.personal,
    w.anonymous,
    '',
    '—',
    w.footer,
  ].join('\n');

  const dir = m.lang === 'fa' ? 'rtl' : 'ltr';
  const align = m.lang === 'fa' ? 'right' : 'left';
  const orgHtml = `<bdi>${escapeHtml(org)}</bdi>`;
  const link = escapeHtml(m.link);
  const p = (inner: string) => `<p style="margin:0 0 14px">${inner}</p>`;
  const html = `<!doctype html>
<html lang="${m.lang}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(w.subject(org))}</title></head>
<body style="margin:0;padding:16px;background:#f6f7f9">
<div dir="${dir}" style="max-width:560px;margin:0 auto;padding:20px;background:#ffffff;border-radius:8px;font-family:Vazirmatn,Tahoma,Arial,sans-serif;font-size:15px;line-height:1.8;color:#1f2933;direction:${dir};text-align:${align}">
${p(escapeHtml(w.greeting))}
${p(w.lead(SLOT).split(SLOT).map(escapeHtml).join(orgHtml))}
${note ? p(`<strong>${escapeHtml(w.noteLabel)}</strong><br>${escapeHtml(note).replace(/\r?\n/g, '<br>')}`) : ''}
<p style="margin:20px 0;text-align:center"><a href="${link}" style="display:inline-block;padding:10px 22px;background:#0b6e4f;color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(w.button)}</a></p>
${p(`${escapeHtml(w.linkLabel)}<br><a href="${link}" dir="ltr" style="direction:ltr;unicode-bidi:embed;word-break:break-all">${link}</a>`)}
${day ? p(`<strong>${escapeHtml(w.closes(day))}</strong>`) : ''}
${p(escapeHtml(w.personal))}
${p(escapeHtml(w.anonymous))}
<p style="margin:18px 0 0;color:#6b7280;font-size:13px">${escapeHtml(w.footer)}</p>
</div>
</body>
</html>
`;
  return { subject: w.subject(org), text, html };
}
