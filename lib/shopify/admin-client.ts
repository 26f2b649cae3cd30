import { createAdminApiClient } from "@shopify/admin-api-client";
import { SHOPIFY_API_VERSION } from "./operations";
import { SHOPIFY_MESSAGES, ShopifyError } from "./shopify-error";
import { adminFetch } from "./shopify-fetch";

/** Shopify's cost-based limit, as each answer's `extensions.cost` reports it. */
export type ThrottleStatus = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
type Cost = { requestedQueryCost?: number; actualQueryCost?: number | null; throttleStatus?: ThrottleStatus };

export type AdminClientOptions = {
  shopDomain: string;
  accessToken: string;
  /** A token that can be renewed (client-credentials grant): called once on a 401, then the call is sent again. */
  refreshToken?: () => Promise<string>;
  /** Waits (tests shorten nothing: the fake answers with a fast restore rate). */
  sleep?: (ms: number) => Promise<void>;
};

/** Below this many points left in the bucket, the next call waits for it to refill (our calls cost 1-20 points). */
const LOW_WATER = 50;
const MAX_THROTTLED_RETRIES = 6;
const MAX_WAIT_MS = 30_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type GraphQLError = { message?: string; extensions?: { code?: string } };

/**
 * One store's Admin GraphQL API (@shopify/admin-api-client, its fetch pinned to the store: lib/shopify/shopify-fetch.ts),
 * with Shopify's cost-based throttling respected: each answer's throttle status is remembered, a call waits while
 * the bucket is low, and a THROTTLED answer waits for the points it asked for and is sent again. Failures come back
 * as ShopifyError in plain words (bad token, missing scope, store unreachable).
 */
export function shopifyAdmin({ shopDomain, accessToken, refreshToken, sleep = defaultSleep }: AdminClientOptions) {
  const clientFor = (token: string) =>
    createAdminApiClient({
      storeDomain: shopDomain,
      apiVersion: SHOPIFY_API_VERSION,
      accessToken: token,
      customFetchApi: adminFetch(shopDomain),
      // The pinned version is reported as "unsupported" once it is a year old; the log would say so on every call.
      logger: () => {},
    });
  let client = clientFor(accessToken);
  let refreshed = false;
  let bucket: ThrottleStatus | null = null;
  let lastCost = 10;

  async function waitForBucket(needed: number) {
    if (!bucket || bucket.currentlyAvailable >= Math.max(needed, LOW_WATER)) return;
    const missing = Math.max(needed, LOW_WATER) - bucket.currentlyAvailable;
    const ms = Math.min(MAX_WAIT_MS, Math.ceil((missing / Math.max(bucket.restoreRate, 1)) * 1000));
    await sleep(ms);
    bucket = { ...bucket, currentlyAvailable: bucket.currentlyAvailable + (ms / 1000) * bucket.restoreRate };
  }

  async function request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await waitForBucket(lastCost);
      const answer = await client.request<T>(query, { variables });
      const cost = (answer.extensions as { cost?: Cost } | undefined)?.cost;
      if (cost?.throttleStatus) bucket = cost.throttleStatus;
      if (cost?.requestedQueryCost) lastCost = cost.requestedQueryCost;
      const errors = answer.errors;
      if (!errors) return answer.data as T;
      const status = errors.networkStatusCode;
      const graphQLErrors = (errors.graphQLErrors ?? []) as GraphQLError[];
      const codes = graphQLErrors.map((e) => e.extensions?.code);
      if (codes.includes("THROTTLED") || status === 429) {
        if (attempt >= MAX_THROTTLED_RETRIES) throw new ShopifyError("throttled", SHOPIFY_MESSAGES.throttled, false);
        const needed = cost?.requestedQueryCost ?? lastCost;
        const available = bucket?.currentlyAvailable ?? 0;
        const rate = Math.max(bucket?.restoreRate ?? 50, 1);
        await sleep(Math.min(MAX_WAIT_MS, Math.max(250, Math.ceil(((needed - available) / rate) * 1000))));
        if (bucket) bucket = { ...bucket, currentlyAvailable: Math.max(available, needed) };
        continue;
      }
      if (status === 401 && refreshToken && !refreshed) {
        // A granted token that expired (or was revoked) early: one new token, then the same call again.
        refreshed = true;
        client = clientFor(await refreshToken());
        continue;
      }
      if (status === 401) throw new ShopifyError("bad_token", SHOPIFY_MESSAGES.badToken, true);
      if (status === 403 || codes.includes("ACCESS_DENIED"))
        throw new ShopifyError("missing_scope", SHOPIFY_MESSAGES.accessDenied, true);
      if (status === 404) throw new ShopifyError("not_found", SHOPIFY_MESSAGES.unreachable(shopDomain), true);
      if (status === undefined || status >= 500)
        throw new ShopifyError("network", SHOPIFY_MESSAGES.unreachable(shopDomain), false);
      const message = graphQLErrors[0]?.message ?? errors.message ?? "unknown error";
      throw new ShopifyError("unexpected", `Shopify answered with an error: ${message.slice(0, 300)}`, status < 500);
    }
  }

  return { shopDomain, request, throttle: () => bucket };
}

export type ShopifyAdmin = ReturnType<typeof shopifyAdmin>;
