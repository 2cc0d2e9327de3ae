import type { Ctx } from './buildReportModel.js';
import { methodBlocks } from './methodology.js';
import type { DirectedText, MethodologySection } from './types.js';

/** How many anonymous ids the appendix lists before it only counts the rest. */
const MAX_FLAGGED_IDS = 24;
const GOOD = 0.7;

export function methodologySection({ r, q, input, lang, fmt, s }: Ctx): MethodologySection {
  const t = s.methodology;
  const cell = (text: string): DirectedText => ({ text, dir: fmt.dir });
  const meaning = (v: number | null, ok: string, low: string) => (v === null ? t.notComputed : v >= GOOD ? ok : low);
  const { submitted, invited, responseRate } = r.respondents;
  const population = input.organization.headcount ?? (invited > 0 ? invited : null);
  const flagged = r.quality.flagged;
  const pair = (label: string, value: string) => ({ cells: [cell(label), cell(value)] });

  return {
    kind: 'methodology',
    title: t.title,
    blocks: methodBlocks(lang, { threshold: fmt.count(input.assessment.anonymityThreshold), notApplicable: q.notApplicableLabel !== undefined }),
    reliability: {
      title: t.reliabilityTitle,
      table: {
        columns: [
          { label: t.reliabilityColumns.dimension, weight: 1 },
          { label: t.reliabilityColumns.alpha, weight: 0.6, numeric: true },
          { label: t.reliabilityColumns.alphaMeaning, weight: 2 },
          { label: t.reliabilityColumns.rwg, weight: 0.6, numeric: true },
          { label: t.reliabilityColumns.rwgMeaning, weight: 2.2 },
        ],
        rows: r.dimensions.map((d) => ({
          cells: [
            cell(d.name),
            cell(fmt.coefficient(d.alpha)),
            cell(meaning(d.alpha, t.alphaOk, t.alphaLow)),
            cell(fmt.coefficient(d.rwg)),
            cell(meaning(d.rwg, t.rwgOk, t.rwgLow)),
          ],
        })),
      },
    },
    counts: {
      title: t.countsTitle,
      table: {
        columns: [
          { label: '', weight: 2 },
          { label: '', weight: 1, numeric: true },
        ],
        rows: [
          pair(t.counts.invited, fmt.count(invited)),
          pair(t.counts.submitted, fmt.count(submitted)),
          pair(t.counts.rate, responseRate === null ? s.noRate : fmt.percent(responseRate)),
          pair(t.counts.flagged, fmt.count(r.quality.straightLining)),
          pair(t.counts.population, population === null ? t.populationUnknown : fmt.count(population)),
          ...r.dimensions.map((d) => pair(t.counts.scored(d.name), fmt.count(d.n))),
        ],
      },
    },
    flagged: {
      title: t.flaggedTitle,
      text: flagged.length ? t.flaggedText(fmt.count(flagged.length), flagged.length) : t.flaggedNone,
      ids: [
        ...flagged.slice(0, MAX_FLAGGED_IDS),
        ...(flagged.length > MAX_FLAGGED_IDS ? [t.flaggedMore(fmt.count(flagged.length - MAX_FLAGGED_IDS))] : []),
      ],
    },
  };
}
