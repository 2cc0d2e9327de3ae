import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ext = path.extname(fileURLToPath(import.meta.url));

export interface ReportFigure { respondents: number; lang: string; medianMs: number; peakRssMB: number; bytes: number }

/** Each size in a fresh process (model + PDF in one thread, as the CLI draws it). */
export async function benchReports(sizes: number[], langs: Array<'fa' | 'en'>): Promise<ReportFigure[]> {
  const out: ReportFigure[] = [];
  for (const n of sizes)
    for (const lang of langs) {
      const args = ext === '.ts' ? ['--import', 'tsx', path.join(here, 'reportOne.ts')] : [path.join(here, 'reportOne.js')];
      const json = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [...args, String(n), lang, '5'], { cwd: path.join(here, ext === '.ts' ? '..' : '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
        let s = '';
        child.stdout.on('data', (d) => (s += d));
        child.on('exit', (code) => (code === 0 ? resolve(s) : reject(new Error(`report bench exited ${code}`))));
      });
      out.push(JSON.parse(json));
    }
  return out;
}
