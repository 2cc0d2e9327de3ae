import type { AppDeps } from '../deps.js';
import { ping } from '../repositories/health.js';

/** Resolves when the database answers (GET /healthz, and /metrics' database gauge). */
export function checkHealth(deps: Pick<AppDeps, 'db'>): Promise<void> {
  return ping(deps.db);
}
