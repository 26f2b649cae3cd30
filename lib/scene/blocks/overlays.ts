/**
 * Brand overlays (issue 19): the workspace logo and text lines (headline, price, call to action) drawn over the
 * rendered image, placed per output ratio, anchored to corners or thirds inside the platform safe area. Part of
 * the document so the editor, stills and videos draw them identically.
 */
import { z } from "zod";
import { BRAND_FONT_IDS } from "../../overlays/fonts";
import { hexColorSchema, slotIdSchema } from "../schema-primitives";

export const OVERLAY_ANCHORS = [
  "top-left",
  "top-center",
  "top-right",
  "middle-left",
  "center",
  "middle-right",
  "bottom-left",
  "bottom-center",
  "bottom-right",
] as const;
export const overlayAnchorSchema = z.enum(OVERLAY_ANCHORS);
export type OverlayAnchor = z.infer<typeof overlayAnchorSchema>;

/** Where an overlay sits in one output; `size` is a fraction of the frame's shorter side. */
export const overlayPlacementSchema = z
  .object({ anchor: overlayAnchorSchema, size: z.number().finite().min(0.02).max(0.6), visible: z.boolean() })
  .strict();
export type OverlayPlacement = z.infer<typeof overlayPlacementSchema>;

/** Keyed by output id; "default" applies to outputs without their own entry. */
const placementsSchema = z
  .record(slotIdSchema, overlayPlacementSchema)
  .refine((record) => "default" in record, "an overlay needs a default placement");

export const TEXT_ROLES = ["headline", "price", "cta"] as const;

export const overlaySchema = z.discriminatedUnion("kind", [
  z
    .object({
      id: slotIdSchema,
      kind: z.literal("logo"),
      /** A stored, sanitised brand asset (never a URL): the same bytes re-render years later. */
      assetId: z.string().regex(/^[a-zA-Z0-9_-]{1,128}$/, "must be a brand asset id"),
      placements: placementsSchema,
    })
    .strict(),
  z
    .object({
      id: slotIdSchema,
      kind: z.literal("text"),
      role: z.enum(TEXT_ROLES),
      text: z.string().trim().min(1).max(120),
      /** One of the fonts shipped with Plinth (lib/overlays/fonts.ts; no font CDN). */
      fontId: z.enum(BRAND_FONT_IDS, { message: "must be one of the bundled fonts" }),
      color: hexColorSchema,
      placements: placementsSchema,
    })
    .strict(),
]);
export type Overlay = z.infer<typeof overlaySchema>;

export const MAX_OVERLAYS = 6;
export const overlaysSchema = z.array(overlaySchema).max(MAX_OVERLAYS, `at most ${MAX_OVERLAYS} overlays`);
