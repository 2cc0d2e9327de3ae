import { describe, expect, it } from 'vitest';
import { DONT_KNOW, UNANSWERED } from '../../src/domain/answers.js';
import { isStraightLining, responseRate } from '../../src/domain/quality.js';

const same = (n: number, v = 3) => new Array<number>(n).fill(v);

describe('straight-lining (§8)', () => {
  it('does not flag 9 identical answers', () => {
    expect(isStraightLining(same(9))).toBe(false);
  });

  it('flags 10 identical answers', () => {
    expect(isStraightLining(same(10))).toBe(true);
    expect(isStraightLining(Int8Array.from(same(30, 5)))).toBe(true);
  });

  it('does not flag 10 answers with one different', () => {
    expect(isStraightLining([...same(9), 4])).toBe(false);
    expect(isStraightLining([4, ...same(9)])).toBe(false);
  });

  it('counts only answers, not don’t know or unanswered', () => {
    expect(isStraightLining([...same(10), DONT_KNOW, UNANSWERED])).toBe(true);
    expect(isStraightLining([...same(9), DONT_KNOW, UNANSWERED])).toBe(false);
  });
});

describe('response rate (§8)', () => {
  it('is submitted / invited, null without invitations', () => {
    expect(responseRate(30, 40)).toBe(0.75);
    expect(responseRate(3, 0)).toBeNull();
  });
});
