import type { ProfileSection } from '../model/types.js';
import { radarConfig } from './charts.js';
import { CONTENT, GAP, SIZE, type Layout } from './layout.js';
import { palette } from './palette.js';
import { drawTable } from './tableBlock.js';

const RADAR = { width: 270, height: 262 } as const;
const GUTTER = 18;
const STEP = { gap: 5, base: 26, rise: 20, markerSpace: 30 } as const;

/** Radar of the three dimensions (with the target polygon), the maturity ladder, and the dimension table. */
export function drawProfile(l: Layout, p: ProfileSection): void {
  l.title(p.title);
  l.paragraph(p.intro, {}, GAP.block);
  l.ensure(RADAR.height);
  const top = l.y;
  l.charts.place(radarConfig(p.radar, l.rtl, l.locale), RADAR, l.xAt(0, RADAR.width), top);
  const ladderWidth = CONTENT.width - RADAR.width - GUTTER;
  drawLadder(l, p.ladder, l.xAt(RADAR.width + GUTTER, ladderWidth), top, ladderWidth);
  l.y = top + RADAR.height + GAP.paragraph;
  l.paragraph(p.radarNote, { size: SIZE.small, color: palette.muted }, GAP.block);
  drawTable(l, p.table, { size: SIZE.small });
}

/** Five steps rising in reading direction; the current one filled and marked. */
function drawLadder(l: Layout, ladder: ProfileSection['ladder'], x0: number, y0: number, width: number): void {
  const { doc } = l;
  const y = y0 + l.textAt(ladder.title, x0, y0, width, { size: SIZE.subheading, font: 'bold', color: palette.primaryDark }) + 6;
  const n = ladder.steps.length;
  const cw = (width - (n - 1) * STEP.gap) / n;
  const baseline = y + STEP.markerSpace + STEP.base + (n - 1) * STEP.rise;
  ladder.steps.forEach((step, i) => {
    // Step 1 on the start side, so the ladder climbs in reading direction.
    const x = l.rtl ? x0 + width - (i + 1) * cw - i * STEP.gap : x0 + i * (cw + STEP.gap);
    const h = STEP.base + i * STEP.rise;
    const current = ladder.current === step.level;
    doc.save().rect(x, baseline - h, cw, h).fillColor(current ? palette.primary : palette.ladder[i]).fill().restore();
    l.textAt(step.label, x, baseline - h + 4, cw, { size: SIZE.heading, font: 'bold', color: current ? palette.white : palette.primaryDark, align: 'center' });
    const nameHeight = l.textAt(step.name, x - 2, baseline + 4, cw + 4, { size: SIZE.tiny, font: current ? 'bold' : 'regular', align: 'center' });
    l.textAt(step.range, x, baseline + 5 + nameHeight, cw, { size: SIZE.tiny - 0.5, color: palette.faint, align: 'center' });
    if (current) {
      const tip = baseline - h - 4;
      doc.save().moveTo(x + cw / 2 - 5, tip - 7).lineTo(x + cw / 2 + 5, tip - 7).lineTo(x + cw / 2, tip).fillColor(palette.accent).fill().restore();
      const labelWidth = cw + 30;
      l.textAt(ladder.currentLabel, x + cw / 2 - labelWidth / 2, tip - 21, labelWidth, { size: SIZE.tiny, font: 'bold', color: palette.accent, align: 'center' });
    }
  });
  if (ladder.current === null) l.textAt(ladder.currentLabel, x0, y, width, { size: SIZE.small, color: palette.muted });
  doc.save().moveTo(x0, baseline).lineTo(x0 + width, baseline).lineWidth(0.8).strokeColor(palette.muted).stroke().restore();
}
