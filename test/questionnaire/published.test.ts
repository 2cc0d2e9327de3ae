import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaires } from '../../src/questionnaire/registry.js';

// Answers are stored one character per item, and an assessment records the hash of the version it was
// started on: a changed file under a version that databases already use stops their service at start-up
// (questionnaire/frozen.ts). So a version, once published, is never edited; a change is a new version.
// These are the hashes the versions were published with (main at fa95823, 2026-12-02).
const PUBLISHED: Record<string, string> = {
  'mehvar-core@1': '4269437b4865539eaa2737cbe03f1917ea288fcd690535107355e411d35a9704',
  'mehvar-core@2': '7a07e203554c795d53d9eb3b8f63c83a1e25b2e19b0178f42a080d3df5ebbb0d',
  'mehvar-customer@1': '6be62955cbf0f95cbfc0ab1eea83459413d0e22781e484c6a17112b3c66683f1',
};

describe('published questionnaire versions', () => {
  const registry = loadQuestionnaires(path.join(import.meta.dirname, '../../questionnaires'));
  for (const [key, hash] of Object.entries(PUBLISHED))
    it(`${key} is unchanged (publish a change as a new version)`, () => {
      const [id, version] = key.split('@');
      const loaded = registry.get(id, Number(version)) ?? registry.customer(id, Number(version));
      expect(loaded?.hash).toBe(hash);
    });
});
