import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, jsonBodyErrors, jsonResponse, problemResponse, userText, uuidParam } from '../http/router.js';
import { CampaignProgress, ReminderOutcome, ReminderScheduleAnswer } from '../http/schemas/mail.js';
import { campaignProgress, scheduleReminder, sendReminders } from '../services/mailCampaign.js';

export const mailOff = problemResponse('Email is not configured on this server (no SMTP_URL), or the request took longer than the server allows');

export function remindersRoutes(deps: AppDeps) {
  const r = createRouter();
  const params = z.object({ id: uuidParam });

  r.openapi(
    createRoute({
      method: 'post', path: '/assessments/{id}/reminders', tags: ['Invitations'],
      summary: 'Email a reminder to every email invitee who has not submitted', security: bearer,
      description:
        'Each invitee who was invited by email and has not submitted gets one reminder with their own link, and `message` if given. ' +
        'The answer waits a few seconds for the first attempts and counts what was `sent`, is still `queued` (sent in the background ' +
        'with retries and backoff; a restart loses nothing) or `failed`. Counts only: which invitees were reminded would tell who has not answered.',
      operationId: 'sendReminders',
      request: { params, body: { required: false, content: { 'application/json': { schema: z.strictObject({ message: userText(2000, { multiline: true }).optional() }) } } } },
      responses: {
        202: jsonResponse(ReminderOutcome, 'The reminders, queued and partly sent'),
        ...commonErrors,
        ...jsonBodyErrors,
        403: problemResponse('Managers have read-only access'),
        409: problemResponse('The assessment is closed (its addresses are deleted)'),
        503: mailOff,
      },
    }),
    async (c) => {
      const body = (c.req.valid('json') as { message?: string } | undefined) ?? {};
      const outcome = await sendReminders(deps, await requireUser(deps.db, c), c.req.valid('param').id, { note: body.message ?? null });
      return c.json(outcome, 202);
    },
  );

  r.openapi(
    createRoute({
      method: 'put', path: '/assessments/{id}/reminders/schedule', tags: ['Invitations'],
      summary: 'Have the server remind those who have not submitted, by itself, some days before the closing date', security: bearer,
      description:
        'Once, `daysBefore` days (1 to 60) before the assessment’s closing date, the server mails every email invitee who has not ' +
        'submitted, as `POST …/reminders` would, with `message` if given. Setting it again replaces it (and sends it afresh); ' +
        '`daysBefore: null` cancels it. 422 naming `daysBefore` when the assessment has no closing date.',
      operationId: 'scheduleReminder',
      request: {
        params,
        body: {
          required: true,
          content: { 'application/json': { schema: z.strictObject({ daysBefore: z.number().int().min(1).max(60).nullable(), message: userText(2000, { multiline: true }).optional() }) } },
        },
      },
      responses: {
        200: jsonResponse(ReminderScheduleAnswer, 'The schedule as saved (null: none)'),
        ...commonErrors,
        ...jsonBodyErrors,
        403: problemResponse('Managers have read-only access'),
        409: problemResponse('The assessment is closed'),
        422: problemResponse('The assessment has no closing date'),
        503: mailOff,
      },
    }),
    async (c) => {
      const { daysBefore, message } = c.req.valid('json');
      const schedule = await scheduleReminder(deps, await requireUser(deps.db, c), c.req.valid('param').id, { daysBefore, note: message ?? null });
      return c.json({ schedule }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/campaign', tags: ['Invitations'],
      summary: 'Email campaign progress: messages by state, responses per department (counts only)', security: bearer,
      operationId: 'getCampaignProgress',
      request: { params },
      responses: { 200: jsonResponse(CampaignProgress, 'Counts of messages and of responses per department'), ...commonErrors },
    }),
    async (c) => c.json(await campaignProgress(deps, await requireUser(deps.db, c), c.req.valid('param').id), 200),
  );
  return r;
}
