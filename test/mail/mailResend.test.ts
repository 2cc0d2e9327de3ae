import { describe, expect, it, onTestFinished } from 'vitest';
import { findUserByToken } from '../../src/repositories/users.js';
import { resendInvitationEmail } from '../../src/services/mailCampaign.js';
import { startMailSender } from '../../src/services/mailSender.js';
import { buildTestApp } from '../helpers.js';
import { startTestSmtp } from '../helpers/smtp.js';

const tokenIn = (text: string) => /\/r\/([\w-]+)/.exec(text)![1];

// The dashboard's "resend" (issue 18 part B) calls resendInvitationEmail.
describe('resending an invitation email', () => {
  it('sends the same personal link again, only to a link sent by email, only within the tenant', async () => {
    const smtp = await startTestSmtp();
    const t = await buildTestApp({ env: { SMTP_URL: smtp.url } });
    const sender = startMailSender(t.deps, { pollMs: 50 })!;
    onTestFinished(() => sender.stop());
    const { token, assessmentId } = await t.setup();
    await t.call('POST', `/api/v1/assessments/${assessmentId}/invitations`, { token, json: { role: 'staff', emails: ['sara@example.com'] } });
    const [first] = await smtp.waitFor(1);
    const user = (await findUserByToken(t.db, token))!;
    const [inv] = (await t.call('GET', `/api/v1/assessments/${assessmentId}/invitations`, { token })).data.invitations;

    expect(await resendInvitationEmail(t.deps, user, assessmentId, inv.id)).toEqual({ status: 'sent', error: null });
    const second = (await smtp.waitFor(2))[1];
    expect(second.to).toEqual(['sara@example.com']);
    expect(tokenIn(second.parsed.text!)).toBe(tokenIn(first.parsed.text!));

    expect((await t.call('GET', `/api/v1/respond/${tokenIn(second.parsed.text!)}`)).status).toBe(200);

    // A link made without email has nothing to resend; another tenant sees nothing.
    const [plain] = await t.invite(token, assessmentId);
    await expect(resendInvitationEmail(t.deps, user, assessmentId, plain.id)).rejects.toThrow(/not sent by email/);
    const other = (await findUserByToken(t.db, await t.consultant('Mallory')))!;
    await expect(resendInvitationEmail(t.deps, other, assessmentId, inv.id)).rejects.toThrow(/Assessment was not found/);
  });
});
