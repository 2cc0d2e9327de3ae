import type { Kysely } from 'kysely';

// Frozen once released: never import application code here.
// The final scores stored so far were computed before the "every n" rule (domain/anonymity.ts
// withheldThinScores): a dimension score of 1..k−1 people in a release could be among them. They are
// dropped; each is computed again, under the rule, the first time it is needed (services/benchmark.ts
// finalScoresOf), from the same released responses.
export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('final_scores').execute();
}

export async function down(): Promise<void> {
  // Nothing to restore: the scores are computed again on demand either way.
}
