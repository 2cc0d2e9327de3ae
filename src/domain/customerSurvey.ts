import { type Assessment, isClosed } from './records.js';

// A customer survey: the organization's customers answer a short questionnaire (audience "customers") through
// one shareable link, or single-use links, beside a staff assessment. The records as src/repositories/
// return them; the tables of src/db/tables.ts store exactly these fields.

export interface CustomerSurvey {
  id: string;
  assessment_id: string;
  /** The shareable link's token: printed on receipts and posters, so public by design and kept to show again. */
  token: string;
  questionnaire_id: string;
  questionnaire_version: number;
  questionnaire_hash: string;
  /** Its own closing date; the survey also closes with its assessment, whichever comes first. */
  closes_at: string | null;
  created_by: string;
  created_at: string;
}

/** A single-use link: its token's SHA-256 and whether it was used; nothing ties it to the answers it brought. */
export interface CustomerLink {
  id: string;
  survey_id: string;
  token_hash: string;
  used: number;
}

/** One customer's answers, one character per item (domain/answers.ts), with the day only. */
export interface CustomerResponse {
  seq: number;
  id: string;
  survey_id: string;
  answers: string;
  submitted_on: string;
  /** The snapshot the response entered the figures with (domain/anonymity.ts); null while waiting. */
  release: number | null;
}

/** Most single-use links one request may ask for. */
export const MAX_SINGLE_USE_PER_REQUEST = 1000;

/** A survey takes answers while its assessment is open and its own closing date (if any) has not passed. */
export function isSurveyClosed(survey: Pick<CustomerSurvey, 'closes_at'>, assessment: Pick<Assessment, 'closed_at' | 'closes_at'>, now: Date): boolean {
  return isClosed(assessment, now) || (survey.closes_at !== null && Date.parse(survey.closes_at) <= now.getTime());
}
