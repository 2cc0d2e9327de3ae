import { z } from '@hono/zod-openapi';
import { DimensionId, QuestionnaireRef } from './questionnaires.js';

// The benchmark as src/services/benchmark.ts `loadBenchmark` returns it: peers are never named, only counted.

const common = {
  assessmentId: z.string(),
  questionnaire: QuestionnaireRef,
  peerOrganizations: z.number().int().openapi({ description: 'Other organizations compared with' }),
  minimumPeers: z.number().int().openapi({ description: 'How many a benchmark needs' }),
};
const percentile = z.number().nullable().openapi({ description: 'Percentile among the peers (0..100); null without a score' });

export const BenchmarkAvailable = z
  .object({
    ...common,
    available: z.literal(true),
    overall: z.object({ score: z.number().nullable(), percentile }),
    dimensions: z.array(z.object({ id: DimensionId, score: z.number().nullable(), percentile })),
  })
  .openapi('BenchmarkAvailable');

export const BenchmarkUnavailable = z
  .object({ ...common, available: z.literal(false), reason: z.string() })
  .openapi('BenchmarkUnavailable', { description: 'Too few peer organizations to compare with' });

// A plain union: OpenAPI discriminators name string properties, and `available` is a boolean.
export const Benchmark = z.union([BenchmarkAvailable, BenchmarkUnavailable]).openapi('Benchmark', { description: 'Tell the two apart by `available`' });
