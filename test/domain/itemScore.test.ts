import { describe, expect, it } from 'vitest';
import { DONT_KNOW, UNANSWERED } from '../../src/domain/answers.js';
import { meetsTwoThirds, respondentScore } from '../../src/domain/groupScore.js';
import { itemScore } from '../../src/domain/itemScore.js';
import { item } from './fixtures.js';

describe('item score (§1)', () => {
  it('maps the scale linearly onto 0..100', () => {
    const i = item('a');
    expect(itemScore(i, 1)).toBe(0);
    expect(itemScore(i, 4)).toBe(75); // (4 − 1)/(5 − 1)·100
    expect(itemScore(i, 5)).toBe(100);
  });

  it('reverses a reverse-coded item', () => {
    const i = item('a', { reverse: true });
    expect(itemScore(i, 4)).toBe(25); // (5 − 4)/(5 − 1)·100
    expect(itemScore(i, 1)).toBe(100);
    expect(itemScore(i, 5)).toBe(0);
  });

  it('uses the item’s own scale', () => {
    expect(itemScore(item('a', { scale: { min: 0, max: 9 } }), 3)).toBeCloseTo(33.3333, 4); // 3/9·100
  });

  it('treats don’t know, unanswered and out-of-scale values as missing, never zero', () => {
    const i = item('a');
    expect(itemScore(i, DONT_KNOW)).toBeNull();
    expect(itemScore(i, UNANSWERED)).toBeNull();
    expect(itemScore(i, 0)).toBeNull();
    expect(itemScore(i, 6)).toBeNull();
  });
});

describe('respondent score for a group (§2)', () => {
  const three = [item('a'), item('b'), item('c')];
  const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => item(id));
  const all = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('scores 2 of 3 answered, ignoring the don’t know', () => {
    // (100 + 75) / 2 = 87.5
    expect(respondentScore(three, [5, 4, DONT_KNOW], all(3))).toBe(87.5);
  });

  it('gives no score with 1 of 3 answered', () => {
    expect(respondentScore(three, [5, DONT_KNOW, UNANSWERED], all(3))).toBeNull();
  });

  it('scores 4 of 6 (exactly two-thirds) but not 3 of 6', () => {
    const u = UNANSWERED;
    // (0 + 25 + 50 + 75) / 4 = 37.5
    expect(respondentScore(six, [1, 2, 3, 4, u, u], all(6))).toBe(37.5);
    expect(respondentScore(six, [1, 2, 3, u, u, DONT_KNOW], all(6))).toBeNull();
  });

  it('weights item scores', () => {
    const items = [item('a', { weight: 1 }), item('b', { weight: 3 })];
    // (1·100 + 3·0) / (1 + 3) = 25
    expect(respondentScore(items, [5, 1], [0, 1])).toBe(25);
  });

  it('weights only the answered items', () => {
    const items = [item('a', { weight: 1 }), item('b', { weight: 3 }), item('c', { weight: 2 })];
    // c missing: (1·100 + 3·50) / (1 + 3) = 62.5
    expect(respondentScore(items, [5, 3, DONT_KNOW], [0, 1, 2])).toBe(62.5);
  });

  it('applies reverse coding inside the group', () => {
    const items = [item('a'), item('b', { reverse: true })];
    // a: 5 → 100; b reversed: 2 → (5 − 2)/4·100 = 75; mean 87.5
    expect(respondentScore(items, [5, 2], [0, 1])).toBe(87.5);
  });

  it('selects the group’s items by index', () => {
    // only items 1 and 2: (25 + 50)/2 = 37.5
    expect(respondentScore(three, [5, 2, 3], [1, 2])).toBe(37.5);
  });

  it('states the rule in integers', () => {
    expect(meetsTwoThirds(2, 3)).toBe(true);
    expect(meetsTwoThirds(1, 3)).toBe(false);
    expect(meetsTwoThirds(4, 6)).toBe(true);
    expect(meetsTwoThirds(3, 6)).toBe(false);
    expect(meetsTwoThirds(1, 1)).toBe(true);
    expect(meetsTwoThirds(0, 0)).toBe(false); // an empty group has no score
  });
});
