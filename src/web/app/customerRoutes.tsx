import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../deps.js';
import { presentCustomerView } from '../../domain/customerViewPresent.js';
import { isClosed } from '../../domain/records.js';
import { customerPageFor } from '../../services/customerDashboard.js';
import { customerSurveyQr, openCustomerSurvey } from '../../services/customerSurvey.js';
import { sendPage } from '../shared/layout.js';
import { sessionOf, switchHrefFor } from './chrome.js';
import { CustomerPage } from './customerPage.js';
import { CUSTOMER_TEXT } from './customerText.js';
import { asciiDigits, href } from './format.js';
import { endOfDayTehran, withPickedDay } from './forms.js';
import type { FormState } from './fields.js';
import { Invalid } from '../../domain/errors.js';
import type { PagesEnv } from './session.js';

/** The dashboard's customer survey page: the same services and rules as /api/v1/assessments/{id}/customer-survey. */
export function customerRoutes(deps: AppDeps) {
  const app = new Hono<PagesEnv>();

  async function page(c: Context<PagesEnv>, extra: { made?: string[]; countError?: string; closesForm?: FormState } = {}, status: 200 | 422 = 200) {
    const lang = c.get('lang');
    const { assessment, org, status: survey, data } = await customerPageFor(deps, c.get('user'), c.req.param('id') ?? '');
    const view = data ? presentCustomerView(data.view, data.customerQ, lang) : null;
    return sendPage(
      c,
      <CustomerPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={org} assessment={assessment} status={survey} view={view} closed={isClosed(assessment, deps.clock())} now={deps.clock()} {...extra} />,
      status,
    );
  }

  app.get('/app/assessments/:id/customers', (c) => page(c));

  app.post('/app/assessments/:id/customers', async (c) => {
    const lang = c.get('lang');
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    if (body.do === 'closes') {
      // The Jalali picker's day; the survey takes answers to the end of it in Tehran, as assessments do.
      const picked = withPickedDay(body, 'closesOn');
      const day = typeof picked.body.closesOn === 'string' ? picked.body.closesOn : '';
      const refused = () => {
        const values = Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
        return page(c, { closesForm: { values, errors: { closesOn: CUSTOMER_TEXT[lang].closesError } } }, 422);
      };
      if (picked.bad || !day) return refused();
      try {
        await openCustomerSurvey(deps, c.get('user'), id, { closesAt: endOfDayTehran(day) });
      } catch (err) {
        if (err instanceof Invalid) return refused();
        throw err;
      }
      return c.redirect(href(`/app/assessments/${id}/customers`, lang), 303);
    }
    if (body.do === 'singleUse') {
      const count = Number(asciiDigits(String(body.count ?? '').trim()));
      if (!Number.isInteger(count) || count < 1 || count > 1000) return page(c, { countError: CUSTOMER_TEXT[lang].countError }, 422);
      const opened = await openCustomerSurvey(deps, c.get('user'), id, { singleUseCount: count });
      // Shown on this answer only: the tokens are not kept, so a redirect would lose them.
      return page(c, { made: opened.singleUse });
    }
    await openCustomerSurvey(deps, c.get('user'), id, {});
    return c.redirect(href(`/app/assessments/${id}/customers`, lang), 303);
  });

  app.get('/app/assessments/:id/customers/qr.png', async (c) => {
    const { png } = await customerSurveyQr(deps, c.get('user'), c.req.param('id'));
    c.header('Content-Type', 'image/png');
    c.header('Cache-Control', 'private, max-age=300');
    if (c.req.query('download')) c.header('Content-Disposition', 'attachment; filename="customer-survey-qr.png"');
    return c.body(new Uint8Array(png), 200);
  });
  return app;
}
