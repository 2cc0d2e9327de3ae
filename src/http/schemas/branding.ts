import { z } from '@hono/zod-openapi';

/** A consultant's branding as GET and PUT /branding answer it (src/services/branding.ts). */
export const Branding = z
  .object({
    firmName: z.object({ fa: z.string(), en: z.string() }),
    primaryColor: z.string().openapi({ description: '`#rrggbb`', example: '#2f5d8a' }),
    contact: z.string().nullable(),
    logoPng: z.string().nullable().openapi({ description: 'The logo as base64 PNG, or null for none' }),
    source: z.enum(['consultant', 'default']).openapi({ description: "`consultant`: the caller's own; `default`: the installation's theme (reports/theme.json), until they set theirs" }),
  })
  .openapi('Branding');
