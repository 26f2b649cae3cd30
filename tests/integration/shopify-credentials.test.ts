import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shopifyConnections } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { openSecret } from "@/lib/secrets/secret-box";
import { connectShopifyStore, disconnectShopifyStore, getConnectionView } from "@/lib/shopify/connection-service";
import { searchShopifyProducts } from "@/lib/shopify/product-search";
import { startShopifyFake, type ShopifyFake } from "../fakes/shopify-fake";
import { db, ownerCaller, seedOwner } from "./helpers";

/**
 * Connecting a store with a store-owned app's client id and secret (Shopify's client-credentials grant), against
 * the local fake (tests/fakes/shopify-fake.ts) and a real Postgres: the secret stored only encrypted and never in
 * the view the browser gets, a token refreshed before it expires and when Shopify answers 401, a wrong secret
 * refused in plain words with nothing stored.
 */
const SHOP = "own-app.myshopify.com";
const CLIENT_ID = "0123456789abcdef0123456789abcdef";
const CLIENT_SECRET = "shpss_" + "c3".repeat(16);
const MUG = "gid://shopify/Product/8001";

let fake: ShopifyFake;

beforeAll(async () => {
  fake = await startShopifyFake([
    {
      domain: SHOP,
      name: "Own App Store",
      token: "shpat_" + "d4".repeat(16), // a pasted token also works here; these tests use the grant only
      scopes: ["read_products", "write_products", "read_files", "write_files"],
      products: [{ id: MUG, title: "Ceramic Mug", handle: "ceramic-mug" }],
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    },
  ]);
  process.env.SHOPIFY_TEST_ORIGIN = fake.origin;
  process.env.SECRETS_KEY ??= "integration-tests-secrets-key-0123456789abcdef";
});
afterAll(async () => {
  await fake.stop();
  delete process.env.SHOPIFY_TEST_ORIGIN;
});

async function rowOf(workspaceId: string) {
  const [row] = await db().select().from(shopifyConnections).where(eq(shopifyConnections.workspaceId, workspaceId));
  return row ?? null;
}

async function connected(prefix: string) {
  const o = await seedOwner(prefix);
  const ctx = ownerCaller(o);
  const view = await connectShopifyStore(db(), ctx, {
    shopDomain: SHOP,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
  });
  return { ...o, ctx, view };
}

describe("Shopify: connect with a client id and secret", () => {
  it("exchanges them for a token, stores the secret and the token encrypted, and never shows the secret", async () => {
    const grantsBefore = fake.grants.length;
    const o = await connected("cc-connect");
    expect(fake.grants.slice(grantsBefore)).toEqual([{ shop: SHOP, ok: true }]);
    expect(o.view).toMatchObject({
      shopDomain: SHOP,
      shopName: "Own App Store",
      authKind: "client_credentials",
      clientId: CLIENT_ID,
      tokenHint: CLIENT_SECRET.slice(-4),
    });
    expect(JSON.stringify(o.view)).not.toContain(CLIENT_SECRET);
    expect(JSON.stringify(await getConnectionView(db(), o.workspaceId))).not.toContain(CLIENT_SECRET);

    const row = (await rowOf(o.workspaceId))!;
    expect(JSON.stringify(row)).not.toContain(CLIENT_SECRET);
    expect(row.clientSecretCiphertext).toMatch(/^v1\./);
    expect(openSecret(row.clientSecretCiphertext!, `shopify-client-secret:${o.workspaceId}:${SHOP}`)).toBe(
      CLIENT_SECRET,
    );
    // Shopify's granted tokens live about a day.
    const hours = (row.tokenExpiresAt!.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23);
    expect(hours).toBeLessThanOrEqual(24);

    // The granted token works: the product picker finds the store's mug.
    expect((await searchShopifyProducts(db(), o.ctx, "mug")).map((p) => p.id)).toEqual([MUG]);

    // Removable: disconnecting deletes the secret with the connection.
    await disconnectShopifyStore(db(), o.ctx);
    expect(await rowOf(o.workspaceId)).toBeNull();
  });

  it("gets a new token before the stored one expires, and again when Shopify answers 401", async () => {
    const o = await connected("cc-refresh");
    const first = (await rowOf(o.workspaceId))!;

    // Five minutes left: inside the refresh margin, so the next call asks for a new token first.
    await db()
      .update(shopifyConnections)
      .set({ tokenExpiresAt: new Date(Date.now() + 5 * 60_000) })
      .where(eq(shopifyConnections.workspaceId, o.workspaceId));
    let grants = fake.grants.length;
    expect((await searchShopifyProducts(db(), o.ctx, "mug")).map((p) => p.id)).toEqual([MUG]);
    expect(fake.grants.length).toBe(grants + 1);
    const second = (await rowOf(o.workspaceId))!;
    expect(second.tokenCiphertext).not.toBe(first.tokenCiphertext);
    expect(second.tokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);

    // A token Shopify stops accepting before its stored expiry: the 401 is answered with one refresh and a retry.
    fake.expireGrantedTokens();
    grants = fake.grants.length;
    expect((await searchShopifyProducts(db(), o.ctx, "mug")).map((p) => p.id)).toEqual([MUG]);
    expect(fake.grants.length).toBe(grants + 1);
    expect((await rowOf(o.workspaceId))!.tokenCiphertext).not.toBe(second.tokenCiphertext);

    // With a fresh token, no new grant is asked for.
    grants = fake.grants.length;
    await searchShopifyProducts(db(), o.ctx, "mug");
    expect(fake.grants.length).toBe(grants);
  });

  it("refuses a wrong secret in plain words and stores nothing", async () => {
    const o = await seedOwner("cc-bad");
    const err = await connectShopifyStore(db(), ownerCaller(o), {
      shopDomain: SHOP,
      clientId: CLIENT_ID,
      clientSecret: "shpss_" + "0".repeat(32),
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(422);
    expect((err as AppError).message).toMatch(/^Shopify did not accept the client ID and secret/);
    expect((err as AppError).fieldErrors).toHaveProperty("clientSecret");
    expect(await rowOf(o.workspaceId)).toBeNull();
  });
});
