/** Only same-site paths: a crafted callbackUrl must not send a user to another site after sign-in. */
export function safeCallbackPath(value: string | null | undefined, fallback = "/products"): string {
  if (!value) return fallback;
  try {
    const url = new URL(value, "http://plinth.local");
    if (url.origin !== "http://plinth.local") {
      // An absolute URL to this same app (next-auth adds those) keeps its path; any other site is dropped.
      return fallback;
    }
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
  } catch {
    return fallback;
  }
}
