import { z } from '@hono/zod-openapi';
import { orNull } from '../router.js';

// The customers' own view beside the staff's, as GET …/results serves it under `customerView`. Kept apart
// from ./results.ts, which includes it, so neither imports the other.

export const CustomerSnapshot = z
  .object({
    submitted: z.number().int().openapi({ description: 'Customer answers received, in the figures or not' }),
    inFigures: z.number().int(),
    figuresShown: z.boolean().openapi({ description: 'False below k customers: then no factor is given' }),
    pending: z.number().int(),
    nextUpdateAfter: z.number().int().nullable(),
    final: z.boolean(),
    k: z.number().int(),
  })
  .openapi('CustomerSnapshot', { description: 'Where the customer figures stand: they advance k answers at a time, like the staff figures' });

const side = orNull(
  z.object({ score: z.number().nullable(), n: z.number().int(), sd: z.number().nullable(), ci95: z.tuple([z.number(), z.number()]).nullable() }).openapi('CustomerViewSide'),
).openapi({ description: 'Null while this side has fewer than k respondents in its figures' });

export const CustomerViewFactor = z
  .object({
    id: z.string().openapi({ description: 'The customer item' }),
    name: z.string(),
    question: z.string().openapi({ description: 'The question customers were asked' }),
    mirrors: z.array(z.string()).openapi({ description: 'The staff items it is compared with' }),
    staff: side,
    customers: side,
    gap: z.number().nullable().openapi({ description: 'staff − customers; positive where staff rate themselves above their customers' }),
    t: z.number().nullable(),
    df: z.number().nullable(),
    p: z.number().nullable(),
    significant: z.boolean().nullable().openapi({ description: "Welch's t test at 5%; null where untested" }),
  })
  .openapi('CustomerViewFactor');

export const CustomerViewRecommendation = z
  .object({
    factor: z.string(),
    gap: z.number(),
    text: z.string(),
    source: z.object({ file: z.string(), title: z.string(), quote: z.string() }),
  })
  .openapi('CustomerViewRecommendation');

export const CustomerView = z
  .object({
    snapshot: CustomerSnapshot,
    respondents: z.object({ submitted: z.number().int(), inFigures: z.number().int() }),
    staffShown: z.boolean(),
    factors: z.array(CustomerViewFactor).openapi({ description: 'Empty while fewer than k customers are in the figures' }),
    ranked: z.array(z.string()).openapi({ description: 'Factor ids by gap, largest first' }),
    recommendations: z.array(CustomerViewRecommendation).openapi({ description: 'For the largest gaps where staff rate themselves above their customers' }),
  })
  .openapi('CustomerView', { description: "The customers' own view beside the staff's; customer answers never count in the staff figures" });

export const CustomerTrend = z
  .object({
    rounds: z.array(z.object({ assessmentId: z.string(), submitted: z.number().int(), inFigures: z.number().int(), figuresShown: z.boolean() })),
    factors: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        points: z.array(z.object({ assessmentId: z.string(), score: z.number().nullable(), n: z.number().int(), sd: z.number().nullable(), ci95: z.tuple([z.number(), z.number()]).nullable() })),
        changes: z.array(
          z.object({
            from: z.string(),
            to: z.string(),
            delta: z.number().nullable().openapi({ description: 'Later − earlier customer score' }),
            t: z.number().nullable(),
            df: z.number().nullable(),
            p: z.number().nullable(),
            significant: z.boolean().nullable().openapi({ description: "Welch's t test at 5%; null where untested" }),
          }),
        ),
      }),
    ),
  })
  .openapi('CustomerTrend', { description: "The customers' scores per factor in each assessment compared (from k customers on), and their changes" });
