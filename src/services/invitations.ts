import type { AppDeps } from '../deps.js';
import { hiddenSmallGroups } from '../domain/anonymity.js';
import { Invalid, Refused } from '../domain/errors.js';
import type { RespondentRole, User } from '../domain/records.js';
import { recordAudit } from '../repositories/audit.js';
import { createInvitations, type InvitationKey, listInvitations, MAX_INVITATIONS_PER_ASSESSMENT, summarizeInvitations } from '../repositories/invitations.js';
import { requireWriter } from './access.js';
import { countByDepartment, type InvitationBatch, listInvitationBatches, reissueBatch, revokeBatch } from '../repositories/invitations.js';
import { NotFound } from '../domain/errors.js';
import { inTransaction } from '../repositories/transactions.js';
import { replaceInviteeTokens } from '../repositories/inviteeAddresses.js';
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

export type { InvitationBatch };
export type BatchKey = Pick<InvitationBatch, 'createdAt' | 'role' | 'department'>;

/** The batches of links of an assessment: when, for whom, how many, how many not yet submitted. */
export async function invitationBatches(deps: AppDeps, user: User, assessmentId: string): Promise<InvitationBatch[]> {
  const assessment = await assessmentFor(deps, user, assessmentId);
  return listInvitationBatches(deps.db, assessment.id);
}

/**
 * The links of a batch again. Only their hashes are stored, so the links cannot be recovered: every link of
 * the batch not yet submitted gets a fresh token (a draft already begun continues at the new link) and
 * the earlier ones stop working. Writers only, open assessments only; recorded with how many.
 */
export async function reissueInvitationBatch(deps: AppDeps, user: User, assessmentId: string, batch: BatchKey): Promise<InvitationLink[]> {
  const assessment = await assessmentFor(deps, user, assessmentId);
  requireWriter(user);
  requireOpen(deps, assessment, 'This assessment is closed; its links cannot be issued again.');
  const now = deps.clock();
  const links = await inTransaction(deps.db, async (trx) => {
    const issued = await reissueBatch(trx, assessment.id, batch, now);
    if (!issued.length) throw new NotFound('Batch', 'No link of this batch is waiting for an answer.');
    // Email invitees' reminders must carry the new links.
    await replaceInviteeTokens(trx, issued);
    await recordAudit(trx, user, { action: 'invitations.reissue', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id, details: { count: issued.length } }, now);
    return issued;
  });
  return links.map((i) => ({ id: i.id, token: i.token, url: `${deps.config.publicUrl}/r/${i.token}`, role: i.role, department: i.department }));
}

/** Revokes a batch's links not yet submitted (writers): they stop working and leave the response rate. */
export async function revokeInvitationBatch(deps: AppDeps, user: User, assessmentId: string, batch: BatchKey): Promise<number> {
  const assessment = await assessmentFor(deps, user, assessmentId);
  requireWriter(user);
  const now = deps.clock();
  return inTransaction(deps.db, async (trx) => {
    const n = await revokeBatch(trx, assessment.id, batch);
    if (!n) throw new NotFound('Batch', 'No link of this batch is waiting for an answer.');
    await recordAudit(trx, user, { action: 'invitations.revoke', organizationId: assessment.organization_id, targetType: 'assessment', targetId: assessment.id, details: { count: n } }, now);
    return n;
  });
}

export interface DepartmentProgress {
  /** null: links without a department; `hidden` rows say only that they are too small to show. */
  department: string | null;
  hidden: boolean;
  invited: number;
  submitted: number;
  inProgress: number;
}

/**
 * Response progress per department, counts only, never per link. A department with fewer than k links is
 * not shown on its own (its counts would say whether one known person answered); as in the figures'
 * groups, the next smallest is hidden too until the hidden ones hold 0 or at least k links, and the hidden
 * ones are shown together (domain/anonymity.ts hiddenSmallGroups).
 */
export function progressByDepartment(rows: Array<Omit<DepartmentProgress, 'hidden'>>, k: number): DepartmentProgress[] {
  const hidden = hiddenSmallGroups(rows, (r) => r.invited, k, (a, b) => String(a.department).localeCompare(String(b.department)));
  const shown = rows.filter((r) => !hidden.has(r)).sort((a, b) => String(a.department ?? '').localeCompare(String(b.department ?? ''), 'fa'));
  const out: DepartmentProgress[] = shown.map((r) => ({ ...r, hidden: false }));
  if (hidden.size) {
    const sum = (key: 'invited' | 'submitted' | 'inProgress') => [...hidden].reduce((n, r) => n + r[key], 0);
    out.push({ department: null, hidden: true, invited: sum('invited'), submitted: sum('submitted'), inProgress: sum('inProgress') });
  }
  return out;
}

/** The assessment's response progress by department, under progressByDepartment's rule. */
export async function departmentProgress(deps: AppDeps, user: User, assessmentId: string): Promise<DepartmentProgress[]> {
  const assessment = await assessmentFor(deps, user, assessmentId);
  return progressByDepartment(await countByDepartment(deps.db, assessment.id), assessment.anonymity_threshold);
}
