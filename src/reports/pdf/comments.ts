import type { CommentsSection } from '../model/comments.js';
import { CONTENT, GAP, SIZE, type Layout } from './layout.js';
import { palette } from './palette.js';

const QUOTE_INDENT = 12;

/** Each section's heading, its themes in one line, and its quoted comments with a bar on the start side. */
export function drawComments(l: Layout, s: CommentsSection): void {
  l.title(s.title);
  l.paragraph(s.intro, { size: SIZE.small, color: palette.muted }, GAP.block);
  for (const section of s.sections) {
    l.heading(section.heading, 60, SIZE.subheading);
    if (section.themes.length) drawThemes(l, s.themesLabel, section.themes);
    const width = CONTENT.width - QUOTE_INDENT;
    for (const q of section.quotes) {
      const textHeight = l.measure(q.text, width, { size: SIZE.small });
      const whoHeight = q.who ? l.measure(q.who, width, { size: SIZE.tiny }) : 0;
      l.ensure(textHeight + whoHeight + GAP.paragraph);
      const top = l.y;
      let y = top + l.textAt(q.text, l.xAt(QUOTE_INDENT, width), top, width, { size: SIZE.small });
      if (q.who) y += l.textAt(q.who, l.xAt(QUOTE_INDENT, width), y + 1, width, { size: SIZE.tiny, color: palette.faint }) + 1;
      l.doc.save().rect(l.xAt(2, 2), top + 1, 2, y - top - 2).fillColor(palette.rule).fill().restore();
      l.y = y + GAP.paragraph;
    }
    l.y += GAP.block - GAP.paragraph;
  }
}

const CHIP_HEIGHT = 13;
const CHIP_PAD = 5;

/** The themes as outlined chips in rows from the start side: each chip's term and count are drawn apart. */
function drawThemes(l: Layout, label: string, themes: CommentsSection['sections'][number]['themes']): void {
  l.paragraph(label, { size: SIZE.small, color: palette.muted }, 3);
  l.ensure(CHIP_HEIGHT);
  let offset = 0;
  for (const th of themes) {
    const termWidth = l.widthOf(th.term.text, { size: SIZE.tiny });
    const countWidth = l.widthOf(th.count, { size: SIZE.tiny, font: 'bold' });
    const w = termWidth + countWidth + 3 * CHIP_PAD;
    if (offset > 0 && offset + w > CONTENT.width) {
      l.y += CHIP_HEIGHT + 4;
      l.ensure(CHIP_HEIGHT);
      offset = 0;
    }
    const x = l.xAt(offset, w);
    l.doc.save().roundedRect(x, l.y, w, CHIP_HEIGHT, 3).lineWidth(0.6).strokeColor(palette.rule).stroke().restore();
    // The count sits at the chip's end side, the term at its start side, whatever script the term is in.
    const [termX, countX] = l.dir === 'rtl' ? [x + w - CHIP_PAD - termWidth, x + CHIP_PAD] : [x + CHIP_PAD, x + w - CHIP_PAD - countWidth];
    l.textAt(th.term, termX, l.y + 1.5, termWidth + 1, { size: SIZE.tiny });
    l.textAt(th.count, countX, l.y + 1.5, countWidth + 1, { size: SIZE.tiny, font: 'bold', color: palette.primaryDark });
    offset += w + 5;
  }
  l.y += CHIP_HEIGHT + GAP.paragraph;
}
