import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import type { Assessment, User } from '../domain/records.js';
import { assessmentFor } from '../services/assessments.js';
import { requireUser } from './auth.js';

/** The caller and an assessment it may see; another tenant's assessment is indistinguishable from none. */
export async function assessmentForCaller(deps: AppDeps, c: Context, id: string): Promise<{ user: User; assessment: Assessment }> {
  const user = await requireUser(deps.db, c);
  return { user, assessment: await assessmentFor(deps, user, id) };
}
