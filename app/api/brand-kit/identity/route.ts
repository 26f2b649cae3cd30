import { workspaceRoute } from "@/lib/auth/handlers";
import { z } from "zod";
import { brandIdentityOutput } from "@/lib/api/outputs/brand";
import { brandFontsSchema, loadBrandIdentity, saveBrandFonts } from "@/lib/brand/brand-identity";
import { getDb } from "@/lib/db";

/** The brand kit's logo and fonts: what the editor's Overlays panel offers. */
export const GET = workspaceRoute(
  { permission: "brand_kit.view", schema: z.object({}), output: brandIdentityOutput },
  async ({ ctx }) => loadBrandIdentity(getDb(), ctx.workspace.id),
);

/** Picks up to two of the bundled fonts. */
export const PUT = workspaceRoute(
  { permission: "brand_kit.write", schema: brandFontsSchema, output: brandIdentityOutput },
  async ({ ctx, input }) => saveBrandFonts(getDb(), ctx.workspace.id, input.fonts),
);
