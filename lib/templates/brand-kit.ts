/** The brand kit form/API contract (pure zod). */
import { z } from "zod";
import { TEMPLATE_RATIOS, TEMPLATE_STYLES } from "@/lib/scene/templates/schema";

export const brandKitSchema = z
  .object({
    brandName: z.string().trim().max(80, "Use at most 80 characters.").default(""),
    palette: z
      .array(
        z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, "Use hex colours like #1d3557.")
          .transform((c) => c.toLowerCase()),
      )
      .min(2, "Pick 2 to 6 colours.")
      .max(6, "Pick 2 to 6 colours."),
    likedStyles: z.array(z.enum(TEMPLATE_STYLES)).max(TEMPLATE_STYLES.length).default([]),
    dislikedStyles: z.array(z.enum(TEMPLATE_STYLES)).max(TEMPLATE_STYLES.length).default([]),
    formats: z.array(z.enum(TEMPLATE_RATIOS)).max(TEMPLATE_RATIOS.length).default([]),
  })
  .refine((kit) => !kit.likedStyles.some((s) => kit.dislikedStyles.includes(s)), {
    path: ["dislikedStyles"],
    message: "A style cannot be both liked and disliked.",
  });
export type BrandKitInput = z.input<typeof brandKitSchema>;
