import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, buildTestApp, type TestApp } from '../helpers.js';

/**
 * Issue 15, defect 10: a user's token could be neither replaced nor withdrawn. POST /users/{id}/token rotates
 * it (the admin, or the user itself), DELETE revokes it (the admin); both end the user's dashboard sessions.
 */
async function newUser(t: TestApp, body: Record<string, unknown> = { role: 'consultant', name: 'Sara' }) {
  const res = await t.call('POST', '/api/v1/users', { token: ADMIN_TOKEN, json: body });
  expect(res.status).toBe(201);
  return res.data as { id: string; token: string };
}

const works = async (t: TestApp, token: string) => (await t.call('GET', '/api/v1/organizations', { token })).status === 200;
const audit = async (t: TestApp) => t.db.selectFrom('audit_events').select(['action', 'actor_id', 'target_id', 'details']).where('action', 'like', 'user.token%').execute();

describe('rotating a user token', () => {
  it('lets a user replace its own token: the new one is shown once, the old one stops working', async () => {
    const t = await buildTestApp();
    const u = await newUser(t);
    const res = await t.call('POST', `/api/v1/users/${u.id}/token`, { token: u.token });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ id: u.id, role: 'consultant', name: 'Sara' });
    expect(res.data.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await works(t, u.token)).toBe(false);
    expect(await works(t, res.data.token)).toBe(true);
    expect(await audit(t)).toEqual([{ action: 'user.token.rotate', actor_id: u.id, target_id: u.id, details: null }]);
    expect(JSON.stringify(await t.db.selectFrom('audit_events').selectAll().execute())).not.toContain(res.data.token);
  });

  it('lets the admin rotate anyone’s token, a revoked one included', async () => {
    const t = await buildTestApp();
    const u = await newUser(t);
    expect((await t.call('DELETE', `/api/v1/users/${u.id}/token`, { token: ADMIN_TOKEN })).status).toBe(204);
    const res = await t.call('POST', `/api/v1/users/${u.id}/token`, { token: ADMIN_TOKEN });
    expect(res.status).toBe(200);
    expect(await works(t, res.data.token)).toBe(true);
  });

  it('answers 404 for a user the caller may not see, and changes nothing', async () => {
    const t = await buildTestApp();
    const victim = await newUser(t);
    const org = await t.call('POST', '/api/v1/organizations', { token: victim.token, json: { name: { fa: 'سازمان' } } });
    const manager = await newUser(t, { role: 'manager', name: 'Reza', organizationId: org.data.id });
    const mallory = await newUser(t, { role: 'consultant', name: 'Mallory' });
    for (const token of [mallory.token, manager.token]) {
      const res = await t.call('POST', `/api/v1/users/${victim.id}/token`, { token });
      expect(res.status).toBe(404);
      expect(res.type).toContain('application/problem+json');
      expect((await t.call('DELETE', `/api/v1/users/${victim.id}/token`, { token })).status).toBe(404);
    }
    expect((await t.call('POST', '/api/v1/users/no-such-user/token', { token: ADMIN_TOKEN })).status).toBe(404);
    expect((await t.call('POST', `/api/v1/users/${victim.id}/token`)).status).toBe(401);
    expect(await works(t, victim.token)).toBe(true);
    expect(await audit(t)).toEqual([]);
  });

  it('refuses a malformed id with 400 naming it', async () => {
    const t = await buildTestApp();
    const res = await t.call('POST', `/api/v1/users/${'x'.repeat(65)}/token`, { token: ADMIN_TOKEN });
    expect(res.status).toBe(400);
    expect(res.data.errors.map((e: { path: string }) => e.path)).toEqual(['param.id']);
  });
});

describe('revoking a user token', () => {
  it('is for the admin: the token stops working and the revocation is audited', async () => {
    const t = await buildTestApp();
    const u = await newUser(t);
    const own = await t.call('DELETE', `/api/v1/users/${u.id}/token`, { token: u.token });
    expect(own.status).toBe(403);
    expect(await works(t, u.token)).toBe(true);

    expect((await t.call('DELETE', `/api/v1/users/${u.id}/token`, { token: ADMIN_TOKEN })).status).toBe(204);
    expect(await works(t, u.token)).toBe(false);
    const admin = await t.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow();
    expect(await audit(t)).toEqual([{ action: 'user.token.revoke', actor_id: admin.id, target_id: u.id, details: null }]);
  });

  it('refuses to revoke an admin’s token, so the service cannot lose its last admin', async () => {
    const t = await buildTestApp();
    const admin = await t.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow();
    const res = await t.call('DELETE', `/api/v1/users/${admin.id}/token`, { token: ADMIN_TOKEN });
    expect(res.status).toBe(409);
    expect(res.type).toContain('application/problem+json');
    expect(await works(t, ADMIN_TOKEN)).toBe(true);
  });

  it('is listed in the OpenAPI document with both methods', async () => {
    const t = await buildTestApp();
    const doc = (await t.call('GET', '/openapi.json')).data;
    expect(Object.keys(doc.paths['/api/v1/users/{id}/token']).sort()).toEqual(['delete', 'post']);
  });
});
