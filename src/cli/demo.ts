import { defineCommand, runCommand } from './args.js';

// The quick-start demo: the real service with a demo organization, two rounds of answers and an action plan.
const DEMO_ORG = 'شرکت نمونه پارس';

const spec = defineCommand({
  name: 'demo',
  invocation: 'npm run demo --',
  usage: [''],
  summary: `Starts the service with a demo organization (${DEMO_ORG}): a closed spring assessment with two actions
decided after it, and an open autumn one that measures them, each with 24 submitted responses; created once
per database. Prints the URL, an admin token and the demo consultant's token.`,
  options: {},
  notes: 'Configured like `npm start`, from the environment: DATABASE_URL (default data/mehvar.sqlite), PORT, HOST,\nPUBLIC_URL, MEHVAR_ADMIN_TOKEN, LOG_LEVEL and the others in the README ("Running it").',
});

// Loaded only after the arguments are read: --help and usage errors never load configuration or open a database.
async function demo(): Promise<void> {
  const { serve } = await import('@hono/node-server');
  const { createApp } = await import('../app.js');
  const { boot } = await import('../boot.js');
  const { loadConfig } = await import('../config.js');
  const { createUserAsOperator, issueAdminToken } = await import('../services/users.js');
  const { findOrganizationNamed } = await import('../services/organizations.js');
  const { DEMO_DEPARTMENTS, demoAnswers, demoComments, seededRandom } = await import('./demoData.js');
  const { takeServiceLock } = await import('../backup/databaseLock.js');
  const { loadQuestionnaires } = await import('../questionnaire/registry.js');
  const { primeReportThreads } = await import('../services/reportWarmup.js');
  const { warmReportThreads } = await import('../services/reports.js');
  const config = loadConfig(process.env);
  // The demo is the service too: it holds the database's lock while it runs, so a restore refuses to replace
  // the file under it and a second service on the file does not start (kept referenced for the process's life).
  const lock = takeServiceLock(config.databaseUrl);
  process.once('exit', () => lock?.release());
  // As npm start does: the report threads draw their slow first report while the demo data is written.
  const questionnaires = loadQuestionnaires(config.questionnairesDir);
  const primed = primeReportThreads(questionnaires, new Date());
  const { deps, createdAdminToken } = await boot(config, questionnaires);
  const app = createApp(deps);

  async function api(method: string, path: string, token: string, json?: unknown) {
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) },
      body: json ? JSON.stringify(json) : undefined,
    });
    if (res.status >= 300) throw new Error(`demo: ${method} ${path} → ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  }

  // An admin token can be shown only when it is created; for the demo, issue a fresh one when needed.
  let adminToken = config.adminToken ?? createdAdminToken;
  if (!adminToken) {
    adminToken = await issueAdminToken(deps);
    console.error('demo: issued a new admin token (the previous one no longer works)');
  }

  // The seeding requests below would each write a request log line around the token the user needs to read.
  const logLevel = deps.logger.level;
  deps.logger.level = 'warn';
  const existing = await findOrganizationNamed(deps, DEMO_ORG);
  if (!existing) {
    const { user, token } = await createUserAsOperator(deps, { role: 'consultant', name: 'مشاور نمونه', organizationId: null });
    const org = await api('POST', '/organizations', token, { name: { fa: DEMO_ORG, en: 'Pars Sample Co.' }, sector: 'تولید لوازم خانگی', headcount: 60 });
    const q = deps.questionnaires.list().at(-1)!.definition;
    const groups = [
      { role: 'manager', count: 7, department: undefined },
      ...DEMO_DEPARTMENTS.map((department, i) => ({ role: 'staff', count: [10, 8, 6, 3][i], department })),
    ];
    /** One round: the same people invited, most of them answering; `lift` shifts a dimension's answers. */
    async function round(title: string, seed: number, lift: Parameters<typeof demoAnswers>[3] = {}) {
      const assessment = await api('POST', `/organizations/${org.id}/assessments`, token, { title, questionnaireId: q.id, targets: { culture: 70, process: 70, interaction: 75 } });
      const random = seededRandom(seed);
      const { invitations } = await api('POST', `/assessments/${assessment.id}/invitations`, token, { invitations: groups });
      let submitted = 0;
      for (const [i, inv] of invitations.entries()) {
        if (i % 6 === 5) continue; // some people never start
        const answers = demoAnswers(q, { role: inv.role, department: inv.department ?? '' }, random, lift);
        await api('PUT', `/respond/${inv.token}/answers`, token, { answers, comments: demoComments(q, random) });
        if (i % 6 === 4) continue; // some stop half-way
        await api('POST', `/respond/${inv.token}/submit`, token);
        submitted++;
      }
      return { assessment, invited: invitations.length, submitted };
    }

    // The spring round, closed, and the two actions decided after it: its process and listening were weaker.
    const spring = await round('ارزیابی مشتری‌مداری بهار ۱۴۰۵', 1404, { process: -0.7, interaction: -0.4 });
    await api('POST', `/assessments/${spring.assessment.id}/close`, token);
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const listening = q.recommendations.find((r) => 'section' in r.target && r.target.section === 'listening');
    await api('POST', `/organizations/${org.id}/actions`, token, {
      assessmentId: spring.assessment.id, title: 'نظرسنجی منظم رضایت مشتریان و گزارش ماهانه‌ی آن به مدیران', owner: 'مدیر بازاریابی',
      ...(listening ? { recommendationId: listening.id, description: listening.text.fa } : {}), section: 'listening', dueDate: day(45), status: 'done',
    });
    await api('POST', `/organizations/${org.id}/actions`, token, {
      assessmentId: spring.assessment.id, title: 'کوتاه‌کردن فرایند ثبت سفارش و بازگشت کالا', owner: 'مدیر عملیات', dimension: 'process', dueDate: day(120), status: 'doing',
    });
    console.log(`demo: created "${DEMO_ORG}" with a closed spring assessment ${spring.assessment.id} (${spring.submitted} submitted) and two actions`);

    // The autumn round, open, which measures what the actions moved.
    const autumn = await round('ارزیابی مشتری‌مداری پاییز ۱۴۰۵', 1405);
    const assessment = autumn.assessment;
    console.log(`demo: and the open autumn assessment ${autumn.assessment.id}: ${autumn.invited} invited, ${autumn.submitted} submitted`);
    console.log(`demo: consultant ${user.name}'s token: ${token}`);
    // The organization's customers answer the short customer survey of the open round (issue 20), each through the
    // service as a customer's browser would; the HTTP route's per-address budget is for real customers' addresses.
    const { DEMO_CUSTOMERS, demoCustomerAnswers } = await import('./demoData.js');
    const { submitCustomerAnswers } = await import('../services/customerSurvey.js');
    const survey = await api('POST', `/assessments/${assessment.id}/customer-survey`, token, {});
    const customerQ = deps.questionnaires.customer()!.definition;
    const customerRandom = seededRandom(20);
    for (let i = 0; i < DEMO_CUSTOMERS; i++) await submitCustomerAnswers(deps, survey.url.split('/c/')[1], demoCustomerAnswers(customerQ, customerRandom));
    console.log(`demo: customer survey ${survey.url}: ${DEMO_CUSTOMERS} customer answers`);
  } else {
    console.log(`demo: "${DEMO_ORG}" already exists; keeping its data`);
  }

  deps.logger.level = logLevel;

  await primed;
  serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
    console.log(`Mehvar demo is running at ${config.publicUrl}  (API docs: ${config.publicUrl}/docs)`);
    console.log(`Admin token: ${adminToken}`);
    console.log(`Consultant dashboard: ${config.publicUrl}/app  (sign in with the consultant's or the admin's token)`);
    console.log('Try: curl -H "Authorization: Bearer <admin token>" ' + `${config.publicUrl}/api/v1/organizations`);
  });
  void warmReportThreads(deps);
}

await runCommand(spec, demo);
