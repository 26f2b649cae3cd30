import { env } from "@/lib/env";
import { normaliseShopDomain } from "./shop-domain";
import { ShopifyError } from "./shopify-error";

/**
 * The only two places Plinth's Shopify integration connects to (tests/offline/outbound-hosts.test.ts):
 * the connected store's own `*.myshopify.com` Admin API, and the staged-upload URL Shopify handed back, after
 * checking it is Shopify's or Google's storage over https. Redirects are refused, so neither can be bounced to
 * another host (the server must never be made to fetch an address of someone's choosing).
 *
 * SHOPIFY_TEST_ORIGIN (tests only, loopback only) sends both to a local fake instead: the store's domain becomes the
 * first path segment (`http://127.0.0.1:<port>/<shop>.myshopify.com/admin/api/...`), and only upload URLs on that
 * origin are accepted.
 */
const TIMEOUT_MS = 60_000;

/** Shopify's staged upload targets live on Google Cloud Storage (and Shopify's own hosts). */
function isShopifyStorageHost(host: string): boolean {
  return (
    host === "storage.googleapis.com" ||
    host.endsWith(".storage.googleapis.com") ||
    host.endsWith(".shopifycloud.com") ||
    host.endsWith(".shopify.com")
  );
}

/** The URL an Admin API call goes to: the store's own, or the test fake's. Throws for any other host. */
export function adminUrl(url: string, shopDomain: string): string {
  const parsed = new URL(url);
  const shop = normaliseShopDomain(shopDomain);
  if (!shop || parsed.protocol !== "https:" || parsed.host !== shop || parsed.username || parsed.password)
    throw new Error(`Refusing an Admin API call to ${parsed.host}: only ${shopDomain} is allowed`);
  const testOrigin = env().SHOPIFY_TEST_ORIGIN;
  return testOrigin ? `${testOrigin}/${shop}${parsed.pathname}${parsed.search}` : parsed.toString();
}

/** A staged-upload URL Shopify returned, checked before anything is sent to it. */
export function checkStagedUploadUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ShopifyError("unexpected", "Shopify returned an upload address that is not a URL.", true);
  }
  const testOrigin = env().SHOPIFY_TEST_ORIGIN;
  const ok = testOrigin
    ? parsed.origin === testOrigin
    : parsed.protocol === "https:" && !parsed.username && !parsed.password && isShopifyStorageHost(parsed.hostname);
  if (!ok)
    throw new ShopifyError(
      "unexpected",
      `Shopify returned an upload address on an unexpected host (${parsed.host}).`,
      true,
    );
  return parsed;
}

/** The admin-api-client's fetch (its customFetchApi): only to the store, no redirects, with a timeout. */
export function adminFetch(shopDomain: string) {
  return (url: string, init?: RequestInit): Promise<Response> =>
    fetch(adminUrl(url, shopDomain), { ...init, redirect: "error", signal: AbortSignal.timeout(TIMEOUT_MS) });
}

/** Sends a file to a staged upload target: a multipart POST of Shopify's parameters and then the file, or a PUT. */
export async function uploadToStagedTarget(
  target: { url: string; parameters: { name: string; value: string }[] },
  file: { bytes: Uint8Array; filename: string; mimeType: string },
  method: "POST" | "PUT" = "POST",
): Promise<void> {
  const url = checkStagedUploadUrl(target.url);
  const body = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mimeType });
  let response: Response;
  try {
    if (method === "PUT") {
      const headers = Object.fromEntries(target.parameters.map((p) => [p.name, p.value]));
      response = await fetch(url, {
        method: "PUT",
        headers,
        body,
        redirect: "error",
        signal: AbortSignal.timeout(300_000),
      });
    } else {
      const form = new FormData();
      for (const p of target.parameters) form.append(p.name, p.value);
      // The file goes last: storage services read the policy fields before it.
      form.append("file", body, file.filename);
      response = await fetch(url, {
        method: "POST",
        body: form,
        redirect: "error",
        signal: AbortSignal.timeout(300_000),
      });
    }
  } catch {
    throw new ShopifyError("network", "Could not reach Shopify's upload storage. The push will try again.", false);
  }
  if (!response.ok) {
    const text = (await response.text().catch(() => "")).slice(0, 500);
    const code = /<Code>([^<]{1,64})<\/Code>/.exec(text)?.[1];
    throw new ShopifyError(
      "rejected",
      `Shopify's upload storage refused the file (${response.status}${code ? ` ${code}` : ""}).`,
      response.status < 500,
    );
  }
}
