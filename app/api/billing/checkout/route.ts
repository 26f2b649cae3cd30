import { z } from "zod";
import { urlOutput } from "@/lib/api/outputs/common";
import { workspaceRoute } from "@/lib/auth/handlers";
import { createCheckoutSession } from "@/lib/billing/stripe-sessions";
import { getDb } from "@/lib/db";
import { getUserById } from "@/lib/db/queries/users";

const schema = z.object({ plan: z.enum(["pro", "business"]) });

/** Owners only: starts a Stripe Checkout for a paid plan and answers its URL. */
export const POST = workspaceRoute(
  { permission: "billing.manage", schema, output: urlOutput },
  async ({ input, ctx }) => {
    const user = await getUserById(getDb(), ctx.userId);
    return createCheckoutSession(
      getDb(),
      { workspaceId: ctx.workspace.id, workspaceName: ctx.workspace.name, userEmail: user?.email ?? "" },
      input.plan,
    );
  },
);
