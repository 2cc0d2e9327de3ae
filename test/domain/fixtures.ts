import type { ScoringItem } from '../../src/domain/itemScore.js';

/** A 1..5 item with defaults; override what a test is about. */
export function item(id: string, overrides: Partial<ScoringItem> = {}): ScoringItem {
  return {
    id,
    dimension: 'culture',
    level: 'information',
    section: 'sec',
    weight: 1,
    reverse: false,
    scale: { min: 1, max: 5 },
    ...overrides,
  };
}
