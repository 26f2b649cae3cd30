/**
 * A template: a scene document (authored for a reference product) plus its
 * slots: where the product stands and how the stage scales to it, which
 * colours a brand palette may tint, and gallery metadata. Plain TS + zod.
 */
import { z } from "zod";
import { migrateScene } from "../migrations";
import { sceneSchema } from "../schema";

export const TEMPLATE_STYLES = [
  "minimal",
  "pastel",
  "luxury-dark",
  "marble-gold",
  "botanical",
  "beach",
  "kitchen",
  "spa",
  "tech-neon",
  "seasonal",
] as const;
export type TemplateStyle = (typeof TEMPLATE_STYLES)[number];

export const TEMPLATE_STYLE_LABELS: Record<TemplateStyle, string> = {
  minimal: "Minimal solid",
  pastel: "Pastel podiums",
  "luxury-dark": "Luxury dark",
  "marble-gold": "Marble & gold",
  botanical: "Botanical",
  beach: "Beach & summer",
  kitchen: "Kitchen counter",
  spa: "Bathroom & spa",
  "tech-neon": "Tech & neon",
  seasonal: "Seasonal",
};

export const COLOUR_FAMILIES = [
  "neutral",
  "warm",
  "pink",
  "green",
  "blue",
  "purple",
  "dark",
  "gold",
  "red",
  "yellow",
] as const;
export type ColourFamily = (typeof COLOUR_FAMILIES)[number];

export const TEMPLATE_RATIOS = ["1:1", "4:5", "9:16", "16:9", "3:2", "2:3"] as const;
export type TemplateRatio = (typeof TEMPLATE_RATIOS)[number];

export const TINT_ROLES = ["primary", "secondary", "accent", "neutral"] as const;
export type TintRole = (typeof TINT_ROLES)[number];

/** A path into the document whose value is a hex colour: "background.color", "stage.props.0.color". */
export const tintPathSchema = z
  .string()
  .regex(
    /^(background\.(color|from|to)|stage\.(floor|podium)\.color|stage\.props\.\d{1,2}\.color)$/,
    "not a tintable colour path",
  );

export const tintSlotSchema = z.object({ path: tintPathSchema, role: z.enum(TINT_ROLES) }).strict();
export type TintSlot = z.infer<typeof tintSlotSchema>;

export const productSlotSchema = z
  .object({
    /** The product stands centred on the podium top. */
    anchor: z.literal("podium-top"),
    /**
     * Podium size from the product's real size: width = widthPerUnit * u where
     * u = max(footprint, 0.5 * height) (so tall products get a generous stage),
     * height = heightPerProductHeight * product height. Props scale with the podium.
     */
    podium: z
      .object({
        widthPerUnit: z.number().min(1).max(8),
        heightPerProductHeight: z.number().min(0.02).max(2),
      })
      .strict(),
    /** Per prop (same order as stage.props): stands on the floor or on the podium top. */
    propAnchors: z.array(z.enum(["floor", "podium"])).max(12),
    /** Extra room around the stage when fitting the camera (1 = podium fills the frame width with margin). */
    breathing: z.number().min(0.5).max(1.5).default(1),
  })
  .strict();
export type ProductSlot = z.infer<typeof productSlotSchema>;

export const templateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/),
    name: z.string().min(1).max(80),
    style: z.enum(TEMPLATE_STYLES),
    colourFamily: z.enum(COLOUR_FAMILIES),
    tags: z.array(z.string().min(1).max(32)).max(12),
    /** Ratios the composition works well in (the gallery's ratio filter). */
    ratios: z.array(z.enum(TEMPLATE_RATIOS)).min(1),
    slots: z.object({ product: productSlotSchema, tint: z.array(tintSlotSchema).max(16) }).strict(),
    /** Authored for the reference product (REFERENCE_PRODUCT_SIZE); an older scene version is migrated. */
    document: z.preprocess((value) => migrateScene(value), sceneSchema),
  })
  .strict()
  .superRefine((template, ctx) => {
    if (!template.document.stage.podium)
      ctx.addIssue({ code: "custom", path: ["document", "stage", "podium"], message: "a template needs a podium" });
    if (template.slots.product.propAnchors.length !== template.document.stage.props.length) {
      ctx.addIssue({ code: "custom", path: ["slots", "product", "propAnchors"], message: "one anchor per prop" });
    }
  });
export type SceneTemplate = z.infer<typeof templateSchema>;
export type SceneTemplateInput = z.input<typeof templateSchema>;

/** The product templates are authored around (metres): a 8 cm wide, 12 cm tall bottle. */
export const REFERENCE_PRODUCT_SIZE: readonly [number, number, number] = [0.08, 0.12, 0.08];
export const REFERENCE_PRODUCT_ID = "sample_perfume-bottle";
