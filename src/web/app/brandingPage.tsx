import type { Branding } from '../../domain/branding.js';
import { shade } from '../../domain/branding.js';
import type { User } from '../../domain/records.js';
import { palette } from '../../reports/pdf/palette.js';
import type { Lang } from '../shared/i18n.js';
import { BRANDING_TEXT } from './brandingText.js';
import { AppPage } from './chrome.js';
import { Csrf, ErrorSummary, Field, type FormState } from './fields.js';
import { href } from './format.js';
import { MESSAGES } from './messages.js';

export interface BrandingPageProps {
  lang: Lang;
  switchHref: string;
  session: { user: User; csrf: string };
  branding: Branding;
  source: 'consultant' | 'default';
  form: FormState;
  flash?: string;
}

/** The consultant's branding: a form that works without JavaScript (file upload for the logo) and a cover preview. */
export function BrandingPage({ lang, switchHref, session, branding, source, form, flash }: BrandingPageProps) {
  const t = BRANDING_TEXT[lang];
  const colour = form.values.primaryColor ?? branding.primaryColor;
  return (
    <AppPage lang={lang} title={t.title} switchHref={switchHref} session={session} crumbs={[{ label: MESSAGES[lang].nav.organizations, href: href('/app', lang) }, { label: t.title }]}>
      {flash ? (
        <p class="flash" role="status" id="flash">
          {flash}
        </p>
      ) : null}
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p class="hint">{source === 'default' ? t.sourceDefault : t.sourceOwn}</p>
      <section class="card" aria-labelledby="preview-title">
        <h2 id="preview-title">{t.previewTitle}</h2>
        <p class="hint">{t.previewHint}</p>
        <CoverPreview lang={lang} branding={branding} />
      </section>
      <section class="card" aria-labelledby="branding-form-title">
        <h2 id="branding-form-title">{t.save}</h2>
        <ErrorSummary lang={lang} form={form} />
        <form class="stack" method="post" action={href('/app/branding', lang)} enctype="multipart/form-data">
          <Csrf value={session.csrf} />
          <Field form={form} name="firmNameFa" label={t.fields.firmNameFa} required maxlength={120} dir="rtl" />
          <Field form={form} name="firmNameEn" label={t.fields.firmNameEn} required maxlength={120} dir="ltr" />
          <div class="field">
            <label for="f-primaryColor">{t.fields.primaryColor}</label>
            <p class="hint" id="f-primaryColor-hint">
              {t.fields.primaryColorHint}
            </p>
            {/* A native colour picker: it posts #rrggbb, and needs no script. */}
            <input type="color" id="f-primaryColor" name="primaryColor" value={/^#[0-9a-fA-F]{6}$/.test(colour) ? colour : branding.primaryColor} aria-describedby="f-primaryColor-hint" aria-invalid={form.errors.primaryColor ? 'true' : undefined} />
            {form.errors.primaryColor ? <p class="field-error">{form.errors.primaryColor}</p> : null}
          </div>
          <Field form={form} name="contact" label={t.fields.contact} hint={t.fields.contactHint} maxlength={200} dir="auto" />
          <div class="field">
            <label for="f-logoPng">{t.fields.logo}</label>
            <p class="hint" id="f-logoPng-hint">
              {t.fields.logoHint}
            </p>
            <input type="file" id="f-logoPng" name="logoPng" accept="image/png" aria-describedby="f-logoPng-hint" aria-invalid={form.errors.logoPng ? 'true' : undefined} />
            {form.errors.logoPng ? (
              <p class="field-error" id="f-logoPng-err">
                {form.errors.logoPng}
              </p>
            ) : null}
            <label>
              <input type="checkbox" name="removeLogo" value="1" checked={form.values.removeLogo === '1'} /> {t.fields.removeLogo}
            </label>
          </div>
          <div class="buttons">
            <button type="submit">{t.save}</button>
          </div>
        </form>
      </section>
    </AppPage>
  );
}

// Page coordinates of the PDF cover's top (pdf/cover.ts, pdf/chrome.ts), in points.
const W = 595;
const BAND = { top: 70, height: 190 };
const INNER = { left: 66, right: 529 };
const CARD = { width: 132, height: 78 };

/**
 * The top of the report's first page as inline SVG: colours as presentation attributes and the logo as a
 * data URI, both allowed by the dashboard's content security policy, which refuses inline styles.
 */
function CoverPreview({ lang, branding: b }: { lang: Lang; branding: Branding }) {
  const t = BRANDING_TEXT[lang];
  const rtl = lang === 'fa';
  const dir = rtl ? 'rtl' : 'ltr';
  const firm = b.firmName[lang];
  const logo = b.logoPng ? `data:image/png;base64,${Buffer.from(b.logoPng).toString('base64')}` : null;
  const start = rtl ? INNER.right : INNER.left;
  const cardX = rtl ? INNER.left : INNER.right - CARD.width;
  const cardMid = cardX + CARD.width / 2;
  const headerLogoX = rtl ? 547 - 40 : 48;
  const headerFirmX = logo ? (rtl ? headerLogoX - 6 : headerLogoX + 46) : rtl ? 547 : 48;
  const wash = shade(b.primaryColor, 0.88);
  return (
    <svg class="cover-preview" viewBox={`0 0 ${W} 320`} width="100%" role="img" aria-label={`${t.previewTitle}: ${firm}`} font-family="Vazirmatn, system-ui, sans-serif">
      <rect x="0" y="0" width={W} height="320" fill="#ffffff" />
      {logo ? <image href={logo} x={headerLogoX} y="24" width="40" height="18" preserveAspectRatio="xMidYMid meet" /> : null}
      <text x={headerFirmX} y="37" font-size="8" font-weight="700" fill={b.primaryColor} direction={dir} text-anchor="start">
        {firm}
      </text>
      <text x={rtl ? 48 : 547} y="37" font-size="8" fill={palette.muted} direction={dir} text-anchor="end">
        {`${t.sample.organization} · ${t.sample.assessment}`}
      </text>
      <line x1="48" y1="50" x2="547" y2="50" stroke={b.primaryColor} stroke-width="0.5" />
      <rect x="0" y={BAND.top} width={W} height={BAND.height} fill={b.primaryColor} />
      <rect x="0" y={BAND.top + BAND.height} width={W} height="5" fill={palette.accent} />
      <text x={start} y={BAND.top + 48} font-size="12" fill={wash} direction={dir} text-anchor="start">
        {t.sample.kicker}
      </text>
      <text x={start} y={BAND.top + 92} font-size="26" font-weight="700" fill="#ffffff" direction={dir} text-anchor="start">
        {t.sample.organization}
      </text>
      {logo ? (
        <>
          <rect x={cardX} y={BAND.top + 24} width={CARD.width} height={CARD.height} rx="6" fill="#ffffff" />
          <image href={logo} x={cardX + 9} y={BAND.top + 33} width={CARD.width - 18} height={CARD.height - 18} preserveAspectRatio="xMidYMid meet" />
        </>
      ) : null}
      <text x={cardMid} y={BAND.top + (logo ? 24 + CARD.height + 22 : 40)} font-size="11" font-weight="700" fill="#ffffff" direction={dir} text-anchor="middle">
        {firm}
      </text>
      {b.contact ? (
        <text x={cardMid} y={BAND.top + (logo ? 24 + CARD.height + 36 : 54)} font-size="7.5" fill={wash} direction={dir} text-anchor="middle">
          {b.contact}
        </text>
      ) : null}
      <text x={rtl ? 547 : 48} y={BAND.top + BAND.height + 50} font-size="17" font-weight="700" fill={shade(b.primaryColor, -0.35)} direction={dir} text-anchor="start">
        {t.sample.assessment}
      </text>
    </svg>
  );
}
