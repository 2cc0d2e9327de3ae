import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../http/auth.js';
import { bearer, commonErrors, createRouter, jsonBodyErrors, jsonResponse, problemResponse, userText, uuidParam } from '../http/router.js';
import { InvitationPage } from '../http/schemas/invitations.js';
import { BatchRef, CreatedInvitations, DepartmentProgressList, InvitationBatchList, RevokedInvitations } from '../http/schemas/invitations.js';
import { departmentProgress, invitationBatches, reissueInvitationBatch, revokeInvitationBatch } from '../services/invitations.js';
import { CreatedOrEmailedInvitations } from '../http/schemas/mail.js';
import { emailInvitations, MAX_EMAILS_PER_REQUEST } from '../services/mailCampaign.js';
import { mailOff } from './reminders.js';
import { AppError, zodFieldErrors } from '../httpErrors.js';
import { describeAssessment } from '../services/assessments.js';
import { createInvitationLinks, type InvitationKey, invitationPage, MAX_INVITATIONS_PER_ASSESSMENT, MAX_INVITATIONS_PER_REQUEST as MAX_PER_REQUEST } from '../services/invitations.js';

const MAX_PAGE = 5000;
const body = z.strictObject({
  invitations: z
    .array(
      z.strictObject({
        role: z.enum(['manager', 'staff']),
        department: userText(200).optional(),
        count: z.number().int().min(1).max(MAX_PER_REQUEST).default(1),
      }),
    )
    .min(1)
    .max(200),
});

// The email variant: one personal link per address, mailed in `lang`; addresses are checked by the service
// (422 naming each bad one as `emails.<i>`), so the dashboard's textarea gets the same answer.
const emailsBody = z
  .strictObject({
    role: z.enum(['manager', 'staff']),
    department: userText(200).optional(),
    emails: z.array(z.string().max(320)).min(1).max(MAX_EMAILS_PER_REQUEST),
    lang: z.enum(['fa', 'en']).default('fa').openapi({ description: 'The language of the message and of the link (default fa)' }),
  })
  .openapi({ description: 'Invite by email: needs SMTP_URL on the server' });

/**
 * As the router's default hook, except that a refused body is named field by field against the variant
 * it is (it has `emails` or it has not), not as one failed union at the root.
 */
function byVariant(result: { success: boolean; target: string; error?: z.ZodError }): undefined {
  if (result.success || !result.error) return undefined;
  let error = result.error;
  if (result.target === 'json') {
    // @hono/zod-validator hands the hook the input as `data` when validation failed.
    const sent = (result as { data?: unknown }).data;
    const again = (sent && typeof sent === 'object' && 'emails' in sent ? emailsBody : body).safeParse(sent);
    if (!again.success) error = again.error;
  }
  throw new AppError(400, 'The request is not valid; see errors for each field.', zodFieldErrors(error, result.target === 'json' ? [] : [result.target]));
}

/** The calendar day of a stored time in Iran (UTC+03:30 all year since 2022), as YYYY-MM-DD. */
function dayInIran(iso: string): string {
  return new Date(Date.parse(iso) + 210 * 60_000).toISOString().slice(0, 10);
}

// The cursor is the last row's key, base64url so clients treat it as opaque rather than build their own.
const encodeCursor = (key: InvitationKey) => Buffer.from(JSON.stringify([key.createdAt, key.id])).toString('base64url');

function decodeCursor(cursor: string): InvitationKey | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    // Shapes checked exactly: the values go into a query, and PostgreSQL refuses a NUL in a string outright.
    if (Array.isArray(value) && value.length === 2 && /^\d{4}-\d\d-\d\dT[\d:.]{8,12}Z$/.test(value[0]) && /^[\w-]{1,64}$/.test(value[1]))
      return { createdAt: value[0], id: value[1] };
  } catch {
    /* not ours */
  }
  return null;
}

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(500).openapi({ description: `Links per page, 1 to ${MAX_PAGE}` }),
  cursor: z
    .string()
    .max(200)
    .transform((v, ctx) => {
      const key = decodeCursor(v);
      if (key) return key;
      ctx.addIssue({ code: 'custom', message: 'not a cursor returned by this list' });
      return z.NEVER;
    })
    .optional()
    .openapi({ type: 'string', maxLength: 200, description: '`nextCursor` of the previous page' }),
});

export function invitationsRoutes(deps: AppDeps) {
  const { db } = deps;
  const r = createRouter();
  const params = z.object({ id: uuidParam });

  r.openapi(
    createRoute({
      method: 'post', path: '/assessments/{id}/invitations', tags: ['Invitations'],
      summary: 'Create anonymous invitation links by role and department (tokens are shown only here), or email one personal link to each address', security: bearer,
      description: `At most ${MAX_PER_REQUEST} links per request (400 beyond) and ${MAX_INVITATIONS_PER_ASSESSMENT} per assessment in all (422 naming \`invitations\` beyond; nothing is created).`,
      operationId: 'createInvitations',
      request: { params, body: { required: true, content: { 'application/json': { schema: z.union([body, emailsBody]) } } } },
      responses: {
        201: jsonResponse(CreatedOrEmailedInvitations, 'The new links, each with its one-time token; with `emails`, each address’s delivery instead (no tokens)'),
        ...commonErrors,
        ...jsonBodyErrors,
        400: problemResponse(`Invalid request, or more than ${MAX_PER_REQUEST} links asked for at once; \`errors\` names each bad field`),
        403: problemResponse('Managers have read-only access'),
        409: problemResponse('The assessment is closed'),
        422: problemResponse(`The assessment would have more than ${MAX_INVITATIONS_PER_ASSESSMENT} links, or an address is not valid (\`errors\` names each as \`emails.<i>\`)`),
        503: mailOff,
      },
    }),
    async (c) => {
      const json = c.req.valid('json');
      if ('emails' in json) {
        const user = await requireUser(db, c);
        return c.json(await emailInvitations(deps, user, c.req.valid('param').id, { role: json.role, department: json.department ?? null, emails: json.emails, lang: json.lang }), 201);
      }
      const requests = json.invitations.map((i) => ({ role: i.role, department: i.department ?? null, count: i.count }));
      const links = await createInvitationLinks(deps, await requireUser(db, c), c.req.valid('param').id, requests);
      return c.json({ invitations: links.map(({ id, token, url, role, department }) => ({ id, token, url, role, department })) }, 201);
    },
    byVariant,
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/invitations', tags: ['Invitations'],
      summary: 'Invitation status (not started, in progress, submitted) — never answers, never a time of day', security: bearer,
      description:
        `Links in creation order, \`limit\` at a time (default 500, at most ${MAX_PAGE}); pass \`nextCursor\` back as \`cursor\` for the next page ` +
        '(null on the last). `summary` counts every link. Dates are calendar days in Iran time (UTC+03:30): a time of day would let ' +
        'submission times be matched against the order of exported responses.',
      operationId: 'listInvitations',
      request: { params, query: listQuery },
      responses: { 200: jsonResponse(InvitationPage, 'One page of links with the summary of all'), ...commonErrors },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await invitationPage(deps, await requireUser(db, c), c.req.valid('param').id, { limit, after: cursor });
      return c.json(
        {
          summary: page.summary,
          invitations: page.invitations.map((i) => ({ id: i.id, role: i.role, department: i.department, status: i.status, createdOn: dayInIran(i.created_at), updatedOn: dayInIran(i.updated_at) })),
          nextCursor: page.next && encodeCursor(page.next),
        },
        200,
      );
    },
  );
  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/invitations/batches', tags: ['Invitations'], summary: 'The links by batch: when, for whom, how many, how many not yet submitted', security: bearer,
      operationId: 'listInvitationBatches',
      request: { params },
      responses: { 200: jsonResponse(InvitationBatchList, 'The batches, oldest first'), ...commonErrors },
    }),
    async (c) => {
      const batches = await invitationBatches(deps, await requireUser(db, c), c.req.valid('param').id);
      return c.json({ batches: batches.map(({ createdAt, role, department, total, open }) => ({ createdAt, role, department, total, open })) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/assessments/{id}/invitations/batches/reissue', tags: ['Invitations'],
      summary: "A batch's links again: fresh tokens for its links not yet submitted (only hashes are stored, so the earlier links stop working)", security: bearer,
      description: 'A draft already begun continues at the new link; email reminders carry the new link from then on. 404 when none of the batch awaits an answer; 409 once closed.',
      operationId: 'reissueInvitationBatch',
      request: { params, body: { required: true, content: { 'application/json': { schema: BatchRef } } } },
      responses: {
        200: jsonResponse(CreatedInvitations, 'The fresh links, shown only here'),
        ...jsonBodyErrors,
        ...commonErrors,
        403: problemResponse('Managers have read-only access'),
        409: problemResponse('The assessment is closed'),
      },
    }),
    async (c) => {
      const links = await reissueInvitationBatch(deps, await requireUser(db, c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ invitations: links }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/assessments/{id}/invitations/batches/revoke', tags: ['Invitations'],
      summary: "Revoke a batch's links not yet submitted: they stop working and leave the response rate", security: bearer,
      operationId: 'revokeInvitationBatch',
      request: { params, body: { required: true, content: { 'application/json': { schema: BatchRef } } } },
      responses: { 200: jsonResponse(RevokedInvitations, 'How many links were revoked'), ...jsonBodyErrors, ...commonErrors, 403: problemResponse('Managers have read-only access') },
    }),
    async (c) => {
      const revoked = await revokeInvitationBatch(deps, await requireUser(db, c), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ revoked }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/assessments/{id}/progress', tags: ['Invitations'], summary: 'Response progress per department: counts only, never a person', security: bearer,
      description: 'A department with fewer than anonymityThreshold links is shown only together with others (and the next smallest joins them until they hold 0 or at least k links); the group\'s counts are null while it holds fewer than k.',
      operationId: 'getDepartmentProgress',
      request: { params },
      responses: { 200: jsonResponse(DepartmentProgressList, 'Progress per department'), ...commonErrors },
    }),
    async (c) => {
      const user = await requireUser(db, c);
      const id = c.req.valid('param').id;
      const rows = await departmentProgress(deps, user, id);
      const k = (await describeAssessment(deps, user, id)).assessment.anonymity_threshold;
      return c.json({
        departments: rows.map((r) => {
          const counted = !r.hidden || r.invited >= k;
          return { department: r.hidden ? null : r.department, hidden: r.hidden, invited: counted ? r.invited : null, inProgress: counted ? r.inProgress : null, submitted: counted ? r.submitted : null };
        }),
      }, 200);
    },
  );
  return r;
}
