import { z } from "zod";
import { createDefaultScene, ENVIRONMENT_IDS, type SceneDocument } from "@/lib/scene";

/**
 * The light a published viewer shows its product in, taken from the scene it was published from (or the product's
 * default look) and frozen with the viewer: the scene's environment (as a .hdr this app serves,
 * public/environments/, normalised like the renderer's), its exposure times the environment's intensity, its
 * contact shadow's strength and softness, and its tone mapping. model-viewer has no light rig: key, fill and rim
 * lights, the environment's rotation and the scene's backdrop are not carried.
 */
export const viewerLookSchema = z
  .object({
    environment: z.enum(ENVIRONMENT_IDS),
    exposure: z.number().min(0).max(20),
    shadowIntensity: z.number().min(0).max(2),
    shadowSoftness: z.number().min(0).max(1),
    toneMapping: z.enum(["neutral", "aces", "agx", "none"]),
  })
  .strict();
export type ViewerLook = z.infer<typeof viewerLookSchema>;

const round = (n: number) => Math.round(n * 1000) / 1000;

export function lookOfScene(scene: SceneDocument): ViewerLook {
  return {
    environment: scene.lighting.environment.id,
    exposure: round(scene.toneMapping.exposure * scene.lighting.environment.intensity),
    shadowIntensity: round(scene.shadows.contact.opacity),
    // The renderer's contact blur runs 0-10; model-viewer's softness 0-1 (its default 1 is a soft ground shadow).
    shadowSoftness: round(Math.min(1, scene.shadows.contact.blur / 4)),
    toneMapping: scene.toneMapping.mode,
  };
}

/** The product's default look (the scene a new one starts from): also the look of viewers made before looks. */
export const DEFAULT_VIEWER_LOOK: ViewerLook = lookOfScene(
  createDefaultScene({ productId: "any", productSize: [0.1, 0.1, 0.1] }),
);

/** The environment file this app serves for a look (never a CDN). */
export function environmentUrl(look: ViewerLook): string {
  return `/environments/${look.environment}.hdr`;
}

/** A stored look, or the default one for a viewer published before looks were frozen (or a bad row). */
export function viewerLookOf(stored: unknown): ViewerLook {
  const parsed = viewerLookSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_VIEWER_LOOK;
}
