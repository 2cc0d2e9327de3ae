import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { Invalid } from '../../domain/errors.js';
import { userText } from '../../http/router.js';
import { brandingOf, type BrandingView, setBranding } from '../../services/branding.js';
import { sendPage } from '../shared/layout.js';
import { BrandingPage } from './brandingPage.js';
import { BRANDING_TEXT } from './brandingText.js';
import { sessionOf, switchHrefFor } from './chrome.js';
import { emptyForm, type FormState } from './fields.js';
import { parseForm } from './forms.js';
import { href } from './format.js';
import type { PagesEnv } from './session.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

// The same rules as PUT /api/v1/branding (src/routes/branding.ts); the colour and the logo are checked by
// the service, which names each bad field.
const brandingForm = z.object({
  firmNameFa: userText(120),
  firmNameEn: userText(120),
  primaryColor: z.string().max(32),
  contact: z.preprocess(blank, userText(200).optional()),
  removeLogo: z.string().optional(),
});

/** The branding page: the same service and rules as GET and PUT /api/v1/branding. */
export function brandingRoutes(deps: AppDeps) {
  const app = new Hono<PagesEnv>();

  const show = (c: Context<PagesEnv>, view: BrandingView, form: FormState, status: 200 | 422 = 200) => {
    const lang = c.get('lang');
    const flash = c.req.query('done') === 'branding' ? BRANDING_TEXT[lang].saved : undefined;
    return sendPage(c, <BrandingPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} branding={view.branding} source={view.source} form={form} flash={flash} />, status);
  };

  app.get('/app/branding', async (c) => {
    const view = await brandingOf(deps, c.get('user'));
    const b = view.branding;
    return show(c, view, emptyForm({ firmNameFa: b.firmName.fa, firmNameEn: b.firmName.en, primaryColor: b.primaryColor, contact: b.contact ?? '' }));
  });

  app.post('/app/branding', async (c) => {
    const lang = c.get('lang');
    const user = c.get('user');
    const current = await brandingOf(deps, user);
    const body = await c.req.parseBody();
    const parsed = parseForm(brandingForm, body, BRANDING_TEXT[lang].errors);
    if (!parsed.ok) return show(c, current, parsed.form, 422);
    const file = body.logoPng;
    // A file input left empty still posts a part, with no name and no bytes: that means "keep".
    const upload = file instanceof File && file.size > 0 ? Buffer.from(await file.arrayBuffer()).toString('base64') : null;
    const d = parsed.data;
    try {
      await setBranding(deps, user, {
        firmName: { fa: d.firmNameFa, en: d.firmNameEn },
        primaryColor: d.primaryColor,
        contact: d.contact ?? null,
        logoPng: upload ?? (d.removeLogo === '1' ? null : 'keep'),
      });
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      const errors = Object.fromEntries(err.fieldErrors.map((e) => [e.path, BRANDING_TEXT[lang].errors[e.path] ?? e.message]));
      return show(c, current, { values: parsed.form.values, errors }, 422);
    }
    return c.redirect(href('/app/branding', lang, { done: 'branding' }), 303);
  });

  return app;
}
