import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { MAX_CONTACT_LENGTH, MAX_FIRM_NAME_LENGTH, MAX_LOGO_BYTES, MAX_LOGO_PIXELS, MAX_LOGO_SIDE } from '../domain/branding.js';
import { requireUser } from '../http/auth.js';
import { bearer, bearerErrors, createRouter, jsonBodyErrors, jsonResponse, problemResponse, userText } from '../http/router.js';
import { Branding } from '../http/schemas/branding.js';
import { brandingOf, type BrandingView, setBranding } from '../services/branding.js';

const putBrandingBody = z.strictObject({
  firmName: z.strictObject({ fa: userText(MAX_FIRM_NAME_LENGTH), en: userText(MAX_FIRM_NAME_LENGTH) }),
  primaryColor: z.string().max(32).openapi({ description: '`#rrggbb` (checked: 422 otherwise)', example: '#8a2f4d' }),
  contact: userText(MAX_CONTACT_LENGTH).nullable().optional().openapi({ description: 'One line under the firm name on the cover' }),
  logoPng: z
    .string()
    .nullable()
    .optional()
    .openapi({ description: `A PNG file as base64, at most ${MAX_LOGO_BYTES / 1024} KiB and ${MAX_LOGO_SIDE} pixels a side (${MAX_LOGO_PIXELS / 1_000_000} million in all), undamaged (checked: 422 otherwise); null or absent for none; "keep" keeps the logo already set` }),
});

const brandingOut = ({ branding: b, source }: BrandingView) => ({
  firmName: b.firmName,
  primaryColor: b.primaryColor,
  contact: b.contact,
  logoPng: b.logoPng ? Buffer.from(b.logoPng).toString('base64') : null,
  source,
});

/** The signed-in consultant's own branding, shown on the cover, header and charts of their reports. */
export function brandingRoutes(deps: AppDeps) {
  const r = createRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/branding', tags: ['Branding'], summary: "The caller's branding of their reports (consultant)", security: bearer,
      operationId: 'getBranding',
      responses: { 200: jsonResponse(Branding, 'The branding reports carry: their own, or the installation default'), ...bearerErrors, 403: problemResponse('Only consultants have a branding') },
    }),
    async (c) => c.json(brandingOut(await brandingOf(deps, await requireUser(deps.db, c))), 200),
  );

  r.openapi(
    createRoute({
      method: 'put', path: '/branding', tags: ['Branding'], summary: "Set the caller's branding (consultant), replacing it whole", security: bearer,
      operationId: 'putBranding',
      request: { body: { required: true, content: { 'application/json': { schema: putBrandingBody } } } },
      responses: {
        200: jsonResponse(Branding, 'The branding as stored'),
        ...jsonBodyErrors,
        ...bearerErrors,
        403: problemResponse('Only consultants have a branding'),
        422: problemResponse('A colour not #rrggbb, or a logo that is not base64, not a PNG, or too large; `errors` names each field'),
      },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const view = await setBranding(deps, await requireUser(deps.db, c), { firmName: b.firmName, primaryColor: b.primaryColor, contact: b.contact ?? null, logoPng: b.logoPng ?? null });
      return c.json(brandingOut(view), 200);
    },
  );

  return r;
}
