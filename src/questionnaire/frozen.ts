import { QuestionnaireError, type QuestionnaireRegistry } from './registry.js';

/** A questionnaire version some assessment uses, with the hash of the file it was started on. */
export interface UsedVersion {
  questionnaire_id: string;
  questionnaire_version: number;
  questionnaire_hash: string;
}

/**
 * A questionnaire version that an assessment uses is frozen: its scores and stored answers depend on the
 * exact items. If the file changed (or vanished) since, refuse to start rather than mis-score.
 */
export function assertUsedVersionsUnchanged(used: readonly UsedVersion[], registry: QuestionnaireRegistry): void {
  const problems: string[] = [];
  for (const u of used) {
    const q = registry.get(u.questionnaire_id, u.questionnaire_version);
    const key = `${u.questionnaire_id} version ${u.questionnaire_version}`;
    if (!q) problems.push(`${key} is used by existing assessments but no file defines it any more`);
    else if (q.hash !== u.questionnaire_hash)
      problems.push(
        `${q.file} (${key}) changed after assessments started using it; restore the original file and publish the changes as a new version`,
      );
  }
  if (problems.length) throw new QuestionnaireError(`Frozen questionnaire versions were modified:\n  ${problems.join('\n  ')}`);
}
