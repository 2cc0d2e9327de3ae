import type { User } from '../../db/tables.js';
import type { AppDeps } from '../../deps.js';
import { presentTrend } from '../../domain/presentTrend.js';
import { loadTrend } from '../../services/trend.js';
import type { ReportLang } from '../text/index.js';
import type { TrendReportInput } from './model.js';

// The one file of trend/ that reads the database: it gathers what the pure buildTrendReportModel needs.
// loadTrend answers 404 (organization or assessment not visible) and 422 (versions too different).

export async function loadTrendReportInput(
  deps: AppDeps,
  user: User,
  orgId: string,
  assessmentIds: string[] | undefined,
  lang: ReportLang,
  generatedAt: Date,
): Promise<TrendReportInput> {
  const t = await loadTrend(deps, user, orgId, assessmentIds);
  const q = t.definitions.at(-1);
  return {
    organization: { name: { fa: t.org.name_fa, en: t.org.name_en } },
    trend: presentTrend({ orgId: t.org.id, points: t.points, items: t.items, q, compatibility: t.compatibility, trend: t.trend }, lang),
    questionnaire: q ? { title: q.title } : null,
    generatedAt,
  };
}
