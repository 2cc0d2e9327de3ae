import type { AppDeps } from '../deps.js';
import { Invalid, Refused } from '../domain/errors.js';
import type { RespondentRole, User } from '../domain/records.js';
import { recordAudit } from '../repositories/audit.js';
import { createInvitations, type InvitationKey, listInvitations, MAX_INVITATIONS_PER_ASSESSMENT, summarizeInvitations } from '../repositories/invitations.js';
import { requireWriter } from './access.js';
import { assessmentFor, requireOpen } from './assessments.js';

export { MAX_INVITATIONS_PER_ASSESSMENT, type InvitationKey };

/** Most links one request may ask for. */
export const MAX_INVITATIONS_PER_REQUEST = 5000;

export interface InvitationRequest {
  role: RespondentRole;
  department: string | null;
  count: number;
}

/** The assessment would have more links than MAX_INVITATIONS_PER_ASSESSMENT; nothing was created. */
export class InvitationCapReached extends Invalid {
  constructor(
    readonly asked: number,
    readonly existing: number,
  ) {
    super(`An assessment may have at most ${MAX_INVITATIONS_PER_ASSESSMENT} invitation links; nothing was created.`, [
      { path: 'invitations', message: `asks for ${asked} more, but the assessment has ${existing} of ${MAX_INVITATIONS_PER_ASSESSMENT} already` },
    ]);
  }
}

export interface InvitationLink {
  id: string;
  token: string;
  url: string;
  role: RespondentRole;
  department: string | null;
}

/**
 * Creates anonymous invitation links (writers only, open assessments only) in one transaction and records
 * how many; the tokens exist only in the return value. The API and the dashboard both create them here.
 */
export async function createInvitationLinks(deps: AppDeps, user: User, assessmentId: string, requests: InvitationRequest[]): Promise<InvitationLink[]> {
  const assessment = await assessmentFor(deps, user, assessmentId);
  requireWriter(user);
  requireOpen(deps, assessment, 'This assessment is closed; no new invitations.');
  const now = deps.clock();
  const total = requests.reduce((s, x) => s + x.count, 0);
  if (total > MAX_INVITATIONS_PER_REQUEST)
    throw new Refused(`At most ${MAX_INVITATIONS_PER_REQUEST} invitations per request.`, [{ path: 'invitations', message: `asks for ${total}` }]);
  const outcome = await createInvitations(deps.db, assessment.id, requests, now);
  if (outcome.kind === 'full') throw new InvitationCapReached(total, outcome.existing);
  const created = outcome.invitations;
  await recordAudit(deps.db, user, { action: 'invitations.create', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id, details: { count: created.length } }, now);
  return created.map((i) => ({ id: i.id, token: i.token, url: `${deps.config.publicUrl}/r/${i.token}`, role: i.role, department: i.department }));
}

/** One page of an assessment's links (never answers) with the counts of all of them. */
export async function invitationPage(deps: AppDeps, user: User, assessmentId: string, page: { limit: number; after?: InvitationKey }) {
  const assessment = await assessmentFor(deps, user, assessmentId);
  const [summary, list] = await Promise.all([summarizeInvitations(deps.db, assessment.id), listInvitations(deps.db, assessment.id, page)]);
  return { summary, invitations: list.rows, next: list.next };
}
