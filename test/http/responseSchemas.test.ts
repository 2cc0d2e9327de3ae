import type { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { Assessment, ClosedAssessment, ImportResult } from '../../src/http/schemas/assessments.js';
import { AuditLog } from '../../src/http/schemas/audit.js';
import { Benchmark } from '../../src/http/schemas/benchmark.js';
import { CreatedInvitations, InvitationPage } from '../../src/http/schemas/invitations.js';
import { Organization, OrganizationList, OrganizationWithAssessments } from '../../src/http/schemas/organizations.js';
import { Problem } from '../../src/http/schemas/problem.js';
import { Questionnaire, QuestionnaireList } from '../../src/http/schemas/questionnaires.js';
import { RespondentForm, SavedDraft, Submission } from '../../src/http/schemas/respond.js';
import { AssessmentResults } from '../../src/http/schemas/results.js';
import { OrganizationTrend } from '../../src/http/schemas/trend.js';
import { UserWithToken } from '../../src/http/schemas/users.js';
import { ADMIN_TOKEN, buildTestApp } from '../helpers.js';

/**
 * The compiler checks each handler's return type against its documented schema; this checks the bodies
 * actually sent. Parsing strips keys a schema does not name, so a body equal to its own parse has every
 * field documented, with the documented type.
 */
function conforms(schema: z.ZodType, res: { status: number; data: unknown }, status: number) {
  expect(res.status, JSON.stringify(res.data).slice(0, 300)).toBe(status);
  const parsed = schema.safeParse(res.data);
  expect(parsed.success ? [] : parsed.error.issues, JSON.stringify(res.data).slice(0, 300)).toEqual([]);
  expect(parsed.data).toEqual(res.data);
}

const ITEMS = ['org.know', 'org.values', 'org.bureaucracy', 'cust.service', 'cust.contact', 'cust.process'];
const row = (role: string, v: number, department?: string) => ({ role, department, answers: Object.fromEntries(ITEMS.map((id) => [id, id === 'cust.contact' ? null : v])) });

describe('documented response schemas', () => {
  it('describe every body the API sends, field for field', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const t = await buildTestApp({ now: () => now });
    const user = await t.call('POST', '/api/v1/users', { token: ADMIN_TOKEN, json: { role: 'consultant', name: 'سارا' } });
    conforms(UserWithToken, user, 201);
    const rotated = await t.call('POST', `/api/v1/users/${user.data.id}/token`, { token: user.data.token });
    conforms(UserWithToken, rotated, 200);
    const consultant = rotated.data.token as string;

    const org = await t.call('POST', '/api/v1/organizations', { token: consultant, json: { name: { fa: 'شرکت نمونه' }, headcount: 40 } });
    conforms(Organization, org, 201);
    const orgId = org.data.id as string;
    conforms(OrganizationList, await t.call('GET', '/api/v1/organizations', { token: consultant }), 200);

    const rounds: string[] = [];
    for (const [i, values] of [[2, 3, 4], [3, 4, 5]].entries()) {
      now = new Date(`2026-0${1 + i * 6}-01T00:00:00Z`);
      const a = await t.call('POST', `/api/v1/organizations/${orgId}/assessments`, {
        token: consultant,
        json: { title: `دور ${i + 1}`, questionnaireId: 'tiny', anonymityThreshold: 2, targets: { culture: 70 } },
      });
      conforms(Assessment, a, 201);
      const id = a.data.id as string;
      rounds.push(id);
      const links = await t.call('POST', `/api/v1/assessments/${id}/invitations`, { token: consultant, json: { invitations: [{ role: 'staff', count: 2, department: 'فروش' }] } });
      conforms(CreatedInvitations, links, 201);
      conforms(InvitationPage, await t.call('GET', `/api/v1/assessments/${id}/invitations?limit=1`, { token: consultant }), 200);
      const link = links.data.invitations[0].token as string;
      conforms(RespondentForm, await t.call('GET', `/api/v1/respond/${link}?lang=en`), 200);
      conforms(SavedDraft, await t.call('PUT', `/api/v1/respond/${link}/answers`, { json: { answers: { 'org.know': 4 }, comments: { org: 'خوب' } } }), 200);
      conforms(Submission, await t.call('POST', `/api/v1/respond/${link}/submit`, { json: { answers: { 'org.values': 4 } } }), 200);
      const imported = await t.call('POST', `/api/v1/assessments/${id}/responses/import`, {
        token: consultant,
        json: { responses: values.flatMap((v) => [row('staff', v, 'فروش'), row('manager', v)]) },
      });
      conforms(ImportResult, imported, 201);
      conforms(AssessmentResults, await t.call('GET', `/api/v1/assessments/${id}/results?lang=en`, { token: consultant }), 200);
      conforms(Assessment, await t.call('GET', `/api/v1/assessments/${id}`, { token: consultant }), 200);
      conforms(ClosedAssessment, await t.call('POST', `/api/v1/assessments/${id}/close`, { token: consultant }), 200);
    }
    const results = await t.call('GET', `/api/v1/assessments/${rounds[1]}/results`, { token: consultant });
    expect(results.data.snapshot.figuresShown).toBe(true);
    expect(results.data.breakdowns.role.length).toBeGreaterThan(0);

    conforms(OrganizationWithAssessments, await t.call('GET', `/api/v1/organizations/${orgId}`, { token: consultant }), 200);
    const trend = await t.call('GET', `/api/v1/organizations/${orgId}/trend?lang=en`, { token: consultant });
    conforms(OrganizationTrend, trend, 200);
    expect(trend.data.overall.changes.length).toBe(1);
    conforms(Benchmark, await t.call('GET', `/api/v1/assessments/${rounds[0]}/benchmark`, { token: consultant }), 200);
    conforms(QuestionnaireList, await t.call('GET', '/api/v1/questionnaires', { token: consultant }), 200);
    conforms(Questionnaire, await t.call('GET', '/api/v1/questionnaires/tiny', { token: consultant }), 200);
    const audit = await t.call('GET', `/api/v1/audit?organizationId=${orgId}`, { token: consultant });
    conforms(AuditLog, audit, 200);
    expect(audit.data.events.some((e: { details: unknown }) => e.details !== null)).toBe(true);

    conforms(Problem, await t.call('GET', '/api/v1/assessments/nope', { token: consultant }), 404);
    conforms(Problem, await t.call('POST', '/api/v1/organizations', { token: consultant, json: { name: {} } }), 400);
  });
});
