import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { Invalid } from '../../domain/errors.js';
import { userText } from '../../http/router.js';
import { addDepartment, departmentsOf, removeDepartment } from '../../services/departments.js';
import { organizationFor } from '../../services/organizations.js';
import { sendPage } from '../shared/layout.js';
import { sessionOf, switchHrefFor } from './chrome.js';
import { DepartmentsPage } from './departments.js';
import { emptyForm, type FormState } from './fields.js';
import { href } from './format.js';
import { parseForm } from './forms.js';
import { flashText, MANAGE } from './manageText.js';
import type { PagesEnv } from './session.js';

const departmentForm = z.object({ name: userText(200) });

/** An organization's department list: shown to everyone who sees the organization, changed by writers. */
export function departmentRoutes(deps: AppDeps) {
  const app = new Hono<PagesEnv>();

  async function page(c: Context<PagesEnv>, form?: FormState, status: 200 | 422 = 200) {
    const lang = c.get('lang');
    const user = c.get('user');
    const org = await organizationFor(deps, user, c.req.param('orgId') ?? '');
    const departments = await departmentsOf(deps, user, org.id);
    const flash = form ? undefined : flashText(lang, c.req.query('done'), c.req.query('n'));
    return sendPage(c, <DepartmentsPage lang={lang} switchHref={switchHrefFor(c, lang)} session={sessionOf(c)!} org={org} departments={departments} form={form ?? emptyForm()} flash={flash} />, status);
  }

  app.get('/app/organizations/:orgId/departments', (c) => page(c));

  app.post('/app/organizations/:orgId/departments', async (c) => {
    const lang = c.get('lang');
    const t = MANAGE[lang].departments;
    const parsed = parseForm(departmentForm, await c.req.parseBody(), { name: t.nameError });
    if (!parsed.ok) return page(c, parsed.form, 422);
    try {
      await addDepartment(deps, c.get('user'), c.req.param('orgId'), parsed.data.name);
    } catch (err) {
      if (err instanceof Invalid) return page(c, { values: parsed.form.values, errors: { name: err.fieldErrors[0]?.message === 'already listed' ? t.duplicate : t.nameError } }, 422);
      throw err;
    }
    return c.redirect(`${href(`/app/organizations/${c.req.param('orgId')}/departments`, lang, { done: 'deptAdded' })}`, 303);
  });

  app.post('/app/organizations/:orgId/departments/:departmentId/delete', async (c) => {
    const lang = c.get('lang');
    await removeDepartment(deps, c.get('user'), c.req.param('orgId'), c.req.param('departmentId'));
    return c.redirect(href(`/app/organizations/${c.req.param('orgId')}/departments`, lang, { done: 'deptRemoved' }), 303);
  });

  return app;
}
