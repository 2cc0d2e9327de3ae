import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { drawInBrandColours, palette } from '../../src/reports/pdf/palette.js';

// A report is drawn in its firm's colour, and only that report: the colour belongs to the drawing's async
// context, so two reports drawn at once on one thread (the comparison reports on the event loop) keep theirs.

describe('the palette in a firm\'s colours', () => {
  it('takes the primary family from the branding while a report is drawn, and Mehvar\'s own elsewhere', async () => {
    const inside = await drawInBrandColours('#8A2F4D', async () => ({
      primary: palette.primary,
      sectionBar: palette.sectionBar,
      culture: palette.dimensions.culture,
      strongest: palette.likert.at(-1),
      ladderTop: palette.ladder.at(-1),
      dark: palette.primaryDark,
      wash: palette.primaryWash,
      accent: palette.accent,
    }));
    expect(inside).toEqual({ primary: '#8a2f4d', sectionBar: '#8a2f4d', culture: '#8a2f4d', strongest: '#8a2f4d', ladderTop: expect.any(String), dark: '#5a1f32', wash: '#f1e6ea', accent: '#c7793b' });
    expect(palette.primary).toBe('#2f5d8a');
    expect(palette.dimensions.culture).toBe('#2f5d8a');
    expect(palette.likert.at(-1)).toBe('#2f5d8a');
  });

  it('keeps each of two reports drawn at once in its own colour across awaits', async () => {
    const draw = (colour: string, wait: number) =>
      drawInBrandColours(colour, async () => {
        const seen = [palette.primary];
        await sleep(wait);
        seen.push(palette.primary);
        await sleep(1);
        seen.push(palette.sectionBar);
        return seen;
      });
    const [a, b] = await Promise.all([draw('#8a2f4d', 20), draw('#1f7a5a', 5)]);
    expect(a).toEqual(['#8a2f4d', '#8a2f4d', '#8a2f4d']);
    expect(b).toEqual(['#1f7a5a', '#1f7a5a', '#1f7a5a']);
  });
});
