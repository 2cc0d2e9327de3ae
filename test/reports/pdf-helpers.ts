import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { onTestFinished } from 'vitest';
import { registerFonts } from '../../src/reports/text/index.js';

export type Doc = InstanceType<typeof PDFDocument>;

export function newDoc(): Doc {
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  registerFonts(doc);
  return doc;
}

/**
 * Lets `draw` fill an A4 document and writes it to a fresh temporary file, removed after the test
 * unless KEEP_TEST_PDF is set (to look at it: `pdftoppm -png -r 80 file.pdf out`).
 */
export async function writePdf(name: string, draw: (doc: Doc) => void): Promise<string> {
  const doc = newDoc();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  draw(doc);
  doc.end();
  await done;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mehvar-text-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.concat(chunks));
  if (process.env.KEEP_TEST_PDF) console.info(`kept ${file}`);
  else onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return file;
}

// poppler wraps runs in embedding marks (U+202A–U+202C); they say nothing about order, so drop them.
const MARKS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** poppler's plain extraction (no -layout: same text order, without column padding). */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(MARKS, '');
}

export interface WordBox {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** Word boxes in page coordinates (points), as poppler sees the drawn glyphs. */
export function pdfWords(file: string): WordBox[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const re = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g;
  return [...html.matchAll(re)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    text: m[4].replace(MARKS, ''),
  }));
}
