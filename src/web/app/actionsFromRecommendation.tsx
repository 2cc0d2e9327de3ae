import type { Lang } from '../shared/i18n.js';
import { ACTIONS_TEXT } from './actionsText.js';
import { Csrf } from './fields.js';
import { href } from './format.js';

/**
 * The one-click form beside a recommendation: makes it an action with the recommendation's target. Once
 * this assessment has an action from it, the page says so and links the action plan instead (the action's
 * title is in the link's tooltip), so a second click does not make a second action.
 */
export function ActionFromRecommendation({ lang, csrf, assessmentId, orgId, recommendationId, existing }: { lang: Lang; csrf: string; assessmentId: string; orgId: string; recommendationId: string; existing?: string }) {
  const t = ACTIONS_TEXT[lang];
  if (existing !== undefined)
    return (
      <p class="muted">
        <a href={href(`/app/organizations/${orgId}/actions`, lang)} title={existing}>
          {t.alreadyAction}
        </a>
      </p>
    );
  return (
    <form method="post" action={href(`/app/assessments/${assessmentId}/actions`, lang)} class="buttons">
      <Csrf value={csrf} />
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <button type="submit" title={t.fromRecommendationHint}>
        {t.fromRecommendation}
      </button>
    </form>
  );
}

/** The link to an organization's action board. */
export function ActionBoardLink({ lang, orgId }: { lang: Lang; orgId: string }) {
  return (
    <a class="button" href={href(`/app/organizations/${orgId}/actions`, lang)}>
      {ACTIONS_TEXT[lang].board}
    </a>
  );
}
