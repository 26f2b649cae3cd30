import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";

const SECRET = vi.hoisted(() => {
  const secret = "whsec_plinth_test_secret";
  process.env.STRIPE_SECRET_KEY = "sk_test_plinth_webhook";
  process.env.STRIPE_WEBHOOK_SECRET = secret;
  process.env.STRIPE_PRICE_PRO = "price_pro_test";
  process.env.STRIPE_PRICE_BUSINESS = "price_business_test";
  return secret;
});

import { POST } from "@/app/api/stripe/webhook/route";
import { getWorkspacePlan } from "@/lib/billing/workspace-plan";
import { getCreditBalance, getWorkspaceBilling, listLedger, updateWorkspaceBilling } from "@/lib/db/queries/billing";
import { creditLedger, stripeEvents } from "@/lib/db/schema";
import { db, seedOwner } from "./helpers";

const stripe = new Stripe("sk_test_plinth_webhook");
const now = Math.floor(Date.now() / 1000);
const DAY = 86_400;

async function deliver(event: object, secret = SECRET) {
  const payload = JSON.stringify(event);
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
  return POST(
    new Request("http://localhost/api/stripe/webhook", {
      method: "POST",
      body: payload,
      headers: { "stripe-signature": header, "content-type": "application/json" },
    }),
  );
}

let seq = 0;
function event(type: string, object: object) {
  return {
    id: `evt_${Date.now()}_${++seq}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: now,
    livemode: false,
    pending_webhooks: 1,
    request: null,
    type,
    data: { object },
  };
}

async function expectBalanceIsLedgerSum(workspaceId: string) {
  const rows = await db()
    .select({ delta: creditLedger.delta })
    .from(creditLedger)
    .where(eq(creditLedger.workspaceId, workspaceId));
  const balance = await getCreditBalance(db(), workspaceId);
  expect(balance).toBe(rows.reduce((s, r) => s + r.delta, 0));
  return balance;
}

/** A trial workspace with a Stripe customer (the checkout route creates it before redirecting). */
async function seedCustomer(prefix: string) {
  const o = await seedOwner(prefix);
  const customer = `cus_${o.workspaceId}`;
  const subscription = `sub_${o.workspaceId}`;
  await updateWorkspaceBilling(db(), o.workspaceId, { stripeCustomerId: customer });
  return { ...o, customer, subscription };
}

function subscriptionObject(
  w: { workspaceId: string; customer: string; subscription: string },
  price: string,
  status = "active",
) {
  return {
    id: w.subscription,
    object: "subscription",
    customer: w.customer,
    status,
    metadata: { workspaceId: w.workspaceId, planId: "pro" },
    items: {
      object: "list",
      data: [
        {
          id: `si_${w.workspaceId}`,
          object: "subscription_item",
          price: { id: price, object: "price" },
          current_period_start: now,
          current_period_end: now + 30 * DAY,
        },
      ],
    },
  };
}

function invoiceObject(
  w: { workspaceId: string; customer: string; subscription: string },
  id: string,
  reason: string,
  price = "price_pro_test",
) {
  return {
    id,
    object: "invoice",
    customer: w.customer,
    billing_reason: reason,
    status: "paid",
    parent: {
      type: "subscription_details",
      subscription_details: { subscription: w.subscription, metadata: { workspaceId: w.workspaceId } },
    },
    lines: {
      object: "list",
      data: [
        {
          id: `il_${id}`,
          object: "line_item",
          period: { start: now, end: now + 30 * DAY },
          pricing: { type: "price_details", price_details: { price, product: "prod_test" } },
        },
      ],
    },
  };
}

describe("stripe webhook", () => {
  it("rejects a wrong signature with 400 and changes nothing", async () => {
    const w = await seedCustomer("badsig");
    const evt = event("invoice.paid", invoiceObject(w, `in_bad_${w.workspaceId}`, "subscription_create"));
    const res = await deliver(evt, "whsec_not_the_secret");
    expect(res.status).toBe(400);
    const tampered = JSON.stringify(evt);
    const header = stripe.webhooks.generateTestHeaderString({ payload: tampered, secret: SECRET });
    const res2 = await POST(
      new Request("http://localhost/api/stripe/webhook", {
        method: "POST",
        body: tampered.replace("subscription_create", "subscription_cycle"),
        headers: { "stripe-signature": header },
      }),
    );
    expect(res2.status).toBe(400);
    const res3 = await POST(new Request("http://localhost/api/stripe/webhook", { method: "POST", body: tampered }));
    expect(res3.status).toBe(400);
    expect(await db().select().from(stripeEvents).where(eq(stripeEvents.id, evt.id))).toHaveLength(0);
    expect(await expectBalanceIsLedgerSum(w.workspaceId)).toBe(30);
    expect((await getWorkspaceBilling(db(), w.workspaceId))?.planId).toBe("trial");
  });

  it("takes a workspace through checkout, paid invoices, a failed payment and cancellation", async () => {
    const w = await seedCustomer("lifecycle");

    // Stripe may deliver the first invoice before the checkout event: the customer id finds the workspace.
    const firstInvoice = event("invoice.paid", invoiceObject(w, `in_1_${w.workspaceId}`, "subscription_create"));
    expect((await deliver(firstInvoice)).status).toBe(200);
    expect(await expectBalanceIsLedgerSum(w.workspaceId)).toBe(430);

    const checkout = event("checkout.session.completed", {
      id: `cs_${w.workspaceId}`,
      object: "checkout.session",
      mode: "subscription",
      customer: w.customer,
      subscription: w.subscription,
      client_reference_id: w.workspaceId,
      metadata: { workspaceId: w.workspaceId, planId: "pro" },
    });
    expect((await deliver(checkout)).status).toBe(200);
    const created = event("customer.subscription.created", subscriptionObject(w, "price_pro_test"));
    expect((await deliver(created)).status).toBe(200);
    let billing = await getWorkspaceBilling(db(), w.workspaceId);
    expect(billing).toMatchObject({
      planId: "pro",
      status: "active",
      stripeSubscriptionId: w.subscription,
      stripeCustomerId: w.customer,
    });
    expect(billing?.currentPeriodEnd?.getTime()).toBe((now + 30 * DAY) * 1000);
    expect((await getWorkspacePlan(db(), w.workspaceId)).watermark).toBe(false);

    // A replayed event changes nothing.
    const replay = await deliver(firstInvoice);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ duplicate: true });
    // The same invoice in another event (a resend) grants nothing either: one grant per invoice.
    expect(
      (await deliver(event("invoice.paid", invoiceObject(w, `in_1_${w.workspaceId}`, "subscription_create")))).status,
    ).toBe(200);
    expect(await expectBalanceIsLedgerSum(w.workspaceId)).toBe(430);
    expect((await listLedger(db(), w.workspaceId)).filter((r) => r.kind === "grant")).toHaveLength(2);

    // The renewal fails: past due (the app shows the banner); the plan is kept while Stripe retries.
    expect(
      (
        await deliver(
          event("invoice.payment_failed", {
            ...invoiceObject(w, `in_2_${w.workspaceId}`, "subscription_cycle"),
            status: "open",
          }),
        )
      ).status,
    ).toBe(200);
    billing = await getWorkspaceBilling(db(), w.workspaceId);
    expect(billing?.status).toBe("past_due");
    expect(await expectBalanceIsLedgerSum(w.workspaceId)).toBe(430);

    // The retry succeeds: active again, and the new period's credits are granted once.
    const renewal = event("invoice.paid", invoiceObject(w, `in_2_${w.workspaceId}`, "subscription_cycle"));
    await deliver(renewal);
    await deliver(renewal);
    expect((await getWorkspaceBilling(db(), w.workspaceId))?.status).toBe("active");
    expect(await expectBalanceIsLedgerSum(w.workspaceId)).toBe(830);

    // An upgrade through the portal: Business limits from the subscription's price.
    await deliver(event("customer.subscription.updated", subscriptionObject(w, "price_business_test")));
    expect((await getWorkspaceBilling(db(), w.workspaceId))?.planId).toBe("business");

    // Cancelled: back to the free trial's limits; credits already paid for stay.
    const deleted = event("customer.subscription.deleted", subscriptionObject(w, "price_business_test", "canceled"));
    expect((await deliver(deleted)).status).toBe(200);
    billing = await getWorkspaceBilling(db(), w.workspaceId);
    expect(billing).toMatchObject({ planId: "trial", status: "canceled", currentPeriodEnd: null });
    const plan = await getWorkspacePlan(db(), w.workspaceId);
    expect([plan.id, plan.watermark, plan.maxOutputPx]).toEqual(["trial", true, 2048]);
    expect(await expectBalanceIsLedgerSum(w.workspaceId)).toBe(830);

    // A late update about the ended subscription does not bring the paid plan back.
    await deliver(event("customer.subscription.updated", subscriptionObject(w, "price_business_test", "past_due")));
    expect((await getWorkspacePlan(db(), w.workspaceId)).id).toBe("trial");
    await deliver({ ...checkout, id: `${checkout.id}_late` }); // a late duplicate checkout event (new event id) neither
    expect(await getWorkspaceBilling(db(), w.workspaceId)).toMatchObject({ planId: "trial", status: "canceled" });

    // Subscribing again later starts a new subscription: the paid plan applies again.
    const again = { ...w, subscription: `${w.subscription}_2` };
    await deliver(event("customer.subscription.created", subscriptionObject(again, "price_pro_test")));
    expect(await getWorkspaceBilling(db(), w.workspaceId)).toMatchObject({
      planId: "pro",
      status: "active",
      stripeSubscriptionId: again.subscription,
    });
  });

  it("applies two simultaneous deliveries of one event once", async () => {
    const w = await seedCustomer("simultaneous");
    await updateWorkspaceBilling(db(), w.workspaceId, { planId: "pro", stripeSubscriptionId: w.subscription });
    const evt = event("invoice.paid", invoiceObject(w, `in_sim_${w.workspaceId}`, "subscription_cycle"));
    const results = await Promise.all(Array.from({ length: 5 }, () => deliver(evt)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const bodies = await Promise.all(results.map((r) => r.json()));
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1);
    expect(await expectBalanceIsLedgerSum(w.workspaceId)).toBe(430);
  });

  it("records and ignores events it does not handle, and ones for unknown customers", async () => {
    const unknown = event("customer.created", { id: "cus_unknown", object: "customer" });
    expect((await deliver(unknown)).status).toBe(200);
    const stray = event(
      "invoice.paid",
      invoiceObject(
        { workspaceId: "ws_nope", customer: "cus_nope", subscription: "sub_nope" },
        "in_nope",
        "subscription_create",
      ),
    );
    expect((await deliver(stray)).status).toBe(200);
    expect(await db().select().from(creditLedger).where(eq(creditLedger.stripeInvoiceId, "in_nope"))).toHaveLength(0);
  });

  it("answers 413 to a body over 1 MB without reading the rest of it", async () => {
    // An endless body: the route must stop pulling just past the cap, signed or not.
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const init = {
      method: "POST",
      body,
      duplex: "half",
      headers: { "stripe-signature": "t=1,v1=x", "content-type": "application/json" },
    };
    const res = await POST(new Request("http://localhost/api/stripe/webhook", init as RequestInit));
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/larger than 1 MB/);
    expect(pulled).toBeLessThan(2 * 1024 * 1024);
  });
});
