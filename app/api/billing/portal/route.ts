import { z } from "zod";
import { urlOutput } from "@/lib/api/outputs/common";
import { workspaceRoute } from "@/lib/auth/handlers";
import { createPortalSession } from "@/lib/billing/stripe-sessions";
import { getDb } from "@/lib/db";

/** Owners only: a Stripe Customer Portal session. POST answers its URL. */
export const POST = workspaceRoute(
  { permission: "billing.manage", schema: z.object({}).passthrough(), output: urlOutput },
  async ({ ctx }) => {
    return createPortalSession(getDb(), ctx.workspace.id);
  },
);

/** GET redirects straight to the portal (the past-due banner links here). */
export const GET = workspaceRoute(
  { permission: "billing.manage", schema: z.object({}).passthrough() },
  async ({ ctx }) => {
    const { url } = await createPortalSession(getDb(), ctx.workspace.id);
    return Response.redirect(url, 303);
  },
);
