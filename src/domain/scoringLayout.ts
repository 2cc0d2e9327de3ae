import { DIMENSIONS, LEVELS } from '../questionnaire/schema.js';
import { itemCoefficients, type ScoringItem } from './itemScore.js';

/**
 * Every scored group (3 dimensions, then 2 levels, then the sections in first-appearance order) gets a slot
 * number, and every item's per-item constants sit in typed arrays indexed by item position, so the results
 * pass is plain array arithmetic.
 */
export const DIMENSION_SLOT = 0;
export const LEVEL_SLOT = DIMENSIONS.length;
export const SECTION_SLOT = LEVEL_SLOT + LEVELS.length;

/**
 * α is unchanged when all items are multiplied by one constant, so it is computed on integers proportional
 * to the item scores: points × 2520/(b − a). 2520 is divisible by every scale range 1..9 allowed, making each
 * unit an integer and every α sum exact (var_T = 0 is then detected exactly).
 */
export const ALPHA_UNIT = 2520;

export interface Layout {
  items: readonly ScoringItem[];
  sectionIds: string[];
  groupCount: number;
  /** Number of items in each group slot. */
  groupSize: Int32Array;
  /** Per item: its dimension, level and section slots. */
  dimensionSlot: Int32Array;
  levelSlot: Int32Array;
  sectionSlot: Int32Array;
  /** Per item: points = offset + sign·x; weighted score = weightedFactor · points. */
  min: Int32Array;
  max: Int32Array;
  offset: Float64Array;
  sign: Float64Array;
  weight: Float64Array;
  weightedFactor: Float64Array;
  factor: Float64Array;
  alphaUnit: Float64Array;
  /**
   * Where the item's answer counts start in the shared distribution array: one cell per scale point, then
   * don't know, then not applicable.
   */
  distributionStart: Int32Array;
  distributionLength: number;
  /** Item positions of each dimension, in questionnaire order. */
  dimensionItems: number[][];
  /** Per item: its position within its dimension. */
  positionInDimension: Int32Array;
}

export function buildLayout(items: readonly ScoringItem[]): Layout {
  const m = items.length;
  const sectionIds = [...new Set(items.map((i) => i.section))];
  const groupCount = SECTION_SLOT + sectionIds.length;
  const l: Layout = {
    items,
    sectionIds,
    groupCount,
    groupSize: new Int32Array(groupCount),
    dimensionSlot: new Int32Array(m),
    levelSlot: new Int32Array(m),
    sectionSlot: new Int32Array(m),
    min: new Int32Array(m),
    max: new Int32Array(m),
    offset: new Float64Array(m),
    sign: new Float64Array(m),
    weight: new Float64Array(m),
    weightedFactor: new Float64Array(m),
    factor: new Float64Array(m),
    alphaUnit: new Float64Array(m),
    distributionStart: new Int32Array(m),
    distributionLength: 0,
    dimensionItems: DIMENSIONS.map(() => []),
    positionInDimension: new Int32Array(m),
  };
  let cells = 0;
  items.forEach((item, i) => {
    const c = itemCoefficients(item);
    const dim = DIMENSIONS.indexOf(item.dimension);
    l.dimensionSlot[i] = DIMENSION_SLOT + dim;
    l.levelSlot[i] = LEVEL_SLOT + LEVELS.indexOf(item.level);
    l.sectionSlot[i] = SECTION_SLOT + sectionIds.indexOf(item.section);
    l.groupSize[l.dimensionSlot[i]]++;
    l.groupSize[l.levelSlot[i]]++;
    l.groupSize[l.sectionSlot[i]]++;
    l.min[i] = c.min;
    l.max[i] = c.max;
    l.offset[i] = c.offset;
    l.sign[i] = c.sign;
    l.weight[i] = item.weight;
    l.factor[i] = c.factor;
    l.weightedFactor[i] = item.weight * c.factor;
    l.alphaUnit[i] = ALPHA_UNIT / (c.max - c.min);
    l.distributionStart[i] = cells;
    cells += c.max - c.min + 3;
    l.positionInDimension[i] = l.dimensionItems[dim].length;
    l.dimensionItems[dim].push(i);
  });
  l.distributionLength = cells;
  return l;
}
