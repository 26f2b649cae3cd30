import { z } from "zod";

/** The brand kit's logo and fonts (lib/brand/brand-identity.ts): what Settings > Brand and the Overlays panel read. */
export const brandIdentityOutput = z
  .object({
    logo: z
      .object({
        id: z.string(),
        url: z.string(),
        width: z.number(),
        height: z.number(),
        sourceFormat: z.string(),
        name: z.string(),
      })
      .strict()
      .nullable(),
    fonts: z.array(z.string()),
  })
  .strict();
