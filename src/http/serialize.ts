import { type Assessment, isClosed, type Organization } from '../domain/records.js';

export function organizationOut(o: Organization) {
  return {
    id: o.id,
    name: { fa: o.name_fa, en: o.name_en },
    sector: o.sector,
    headcount: o.headcount,
    createdAt: o.created_at,
  };
}

export function assessmentOut(a: Assessment, now: Date, participation?: { invited: number; submitted: number; inProgress: number }) {
  const targets = { culture: a.target_culture, process: a.target_process, interaction: a.target_interaction };
  const closed = isClosed(a, now);
  return {
    id: a.id,
    organizationId: a.organization_id,
    title: a.title,
    questionnaire: { id: a.questionnaire_id, version: a.questionnaire_version },
    anonymityThreshold: a.anonymity_threshold,
    targets: Object.values(targets).some((t) => t !== null) ? targets : null,
    closesAt: a.closes_at,
    closedAt: a.closed_at,
    status: closed ? ('closed' as const) : ('open' as const),
    createdAt: a.created_at,
    ...(participation && {
      respondents: {
        invited: participation.invited,
        inProgress: participation.inProgress,
        submitted: participation.submitted,
        responseRate: participation.invited > 0 ? participation.submitted / participation.invited : null,
      },
    }),
  };
}
