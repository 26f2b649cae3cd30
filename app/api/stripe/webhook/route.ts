import type Stripe from "stripe";
import { stripeWebhooks } from "@/lib/billing/config";
import { applyStripeEvent } from "@/lib/billing/stripe-events";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { BODY_LIMITS, readBodyText } from "@/lib/http/read-body";

export const dynamic = "force-dynamic";

/**
 * Stripe webhook: the signature is checked on the raw body before anything
 * is read from it; each event is applied once (see applyStripeEvent).
 */
export async function POST(request: Request): Promise<Response> {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) return errorResponse(new AppError("not_found", "Stripe webhooks are not configured on this server."));
  // Stripe events are small: read at most 1 MB (413 past that) before checking the signature.
  let payload: string;
  try {
    payload = await readBodyText(request, BODY_LIMITS.stripeWebhook);
  } catch (err) {
    return errorResponse(err);
  }
  const signature = request.headers.get("stripe-signature");
  if (!signature) return errorResponse(new AppError("bad_request", "Missing Stripe-Signature header."));
  let event: Stripe.Event;
  try {
    event = stripeWebhooks().constructEvent(payload, signature, secret);
  } catch {
    return errorResponse(new AppError("bad_request", "The webhook signature does not match."));
  }
  try {
    const result = await applyStripeEvent(getDb(), event);
    return Response.json({ received: true, duplicate: result.duplicate }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    // Nothing was recorded (one transaction): Stripe retries and the event is applied then.
    console.error(`[billing] webhook ${event.type} ${event.id} failed:`, err);
    return errorResponse(err);
  }
}
