import { DEMO_DEPARTMENTS, demoAnswers, seededRandom } from '../../src/cli/demoData.js';
import type { Questionnaire } from '../../src/questionnaire/schema.js';

// Realistic data for the consultant dashboard's tests and screenshots, created through the JSON API the way
// the demo (src/cli/demo.ts) creates it. No vitest import here, so a plain script can use it too.

export interface Requester {
  request(url: string, init?: RequestInit): Response | Promise<Response>;
}

export async function api(app: Requester, token: string, method: string, path: string, json?: unknown): Promise<any> {
  const res = await app.request(`/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) },
    body: json ? JSON.stringify(json) : undefined,
  });
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

export async function seedOrganization(app: Requester, token: string, name = { fa: 'شرکت نمونه پارس', en: 'Pars Sample Co.' }): Promise<string> {
  const org = await api(app, token, 'POST', '/organizations', { name, sector: 'تولید لوازم خانگی', headcount: 60 });
  return org.id as string;
}

export interface DemoRound {
  title: string;
  seed: number;
  /** Probability of moving each answer one point towards "customer-centric" (a later, better round). */
  lift?: number;
  close?: boolean;
}

/**
 * An assessment of the demo organization's 34 people (7 managers; staff in four departments of 10, 8, 6 and
 * 3, so the smallest is suppressed): one in six never starts, one in six stops half-way, the rest submit.
 */
export async function seedAssessment(app: Requester, token: string, orgId: string, q: Questionnaire, round: DemoRound) {
  const assessment = await api(app, token, 'POST', `/organizations/${orgId}/assessments`, {
    title: round.title,
    questionnaireId: q.id,
    targets: { culture: 70, process: 70, interaction: 75 },
  });
  const groups = [
    { role: 'manager', count: 7 },
    ...DEMO_DEPARTMENTS.map((department, i) => ({ role: 'staff', count: [10, 8, 6, 3][i], department })),
  ];
  const { invitations } = await api(app, token, 'POST', `/assessments/${assessment.id}/invitations`, { invitations: groups });
  const random = seededRandom(round.seed);
  let submitted = 0;
  for (const [i, inv] of (invitations as Array<{ token: string; role: 'manager' | 'staff'; department: string | null }>).entries()) {
    if (i % 6 === 5) continue;
    const answers = demoAnswers(q, { role: inv.role, department: inv.department ?? '' }, random);
    if (round.lift)
      for (const item of q.items) {
        const v = answers[item.id];
        if (typeof v === 'number' && random() < round.lift)
          answers[item.id] = Math.min(item.scale.max, Math.max(item.scale.min, v + (item.reverse ? -1 : 1)));
      }
    await api(app, token, 'PUT', `/respond/${inv.token}/answers`, { answers });
    if (i % 6 === 4) continue;
    await api(app, token, 'POST', `/respond/${inv.token}/submit`);
    submitted++;
  }
  if (round.close) await api(app, token, 'POST', `/assessments/${assessment.id}/close`);
  return { id: assessment.id as string, invited: invitations.length as number, submitted };
}
