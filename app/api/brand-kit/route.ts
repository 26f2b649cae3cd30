import { z } from "zod";
import { brandKitOutput } from "@/lib/api/outputs/templates";
import { workspaceRoute } from "@/lib/auth/handlers";
import { getDb } from "@/lib/db";
import { markOnboarded, upsertBrandKit } from "@/lib/db/queries/templates";
import { brandKitSchema } from "@/lib/templates/brand-kit";
import { loadBrandKit } from "@/lib/templates/template-service";

export const GET = workspaceRoute(
  { permission: "brand_kit.view", schema: z.object({}), output: brandKitOutput },
  async ({ ctx }) => loadBrandKit(getDb(), ctx.workspace.id),
);

/** Saves the brand kit (a new version: previews re-render tinted with it). `skip: true` just ends onboarding. */
export const PUT = workspaceRoute(
  {
    permission: "brand_kit.write",
    output: brandKitOutput,
    schema: z.union([
      z.object({ skip: z.literal(true) }),
      brandKitSchema.and(z.object({ onboarding: z.boolean().default(false) })),
    ]),
  },
  async ({ input, ctx }) => {
    if ("skip" in input) {
      await markOnboarded(getDb(), ctx.workspace.id);
    } else {
      const { onboarding, ...values } = input;
      await upsertBrandKit(getDb(), ctx.workspace.id, values, onboarding);
    }
    return loadBrandKit(getDb(), ctx.workspace.id);
  },
);
