import { EMBED_SCRIPT } from "@/lib/viewers/embed-script";

export const dynamic = "force-static";

/**
 * The web-component embed's script (lib/viewers/embed-script.ts), for any site: a module script is fetched with
 * CORS, so it says any origin may run it. It holds no data (the token is in the shop's markup); cached an hour
 * in any cache so a fix reaches shops the same day.
 */
export function GET(): Response {
  return new Response(EMBED_SCRIPT, {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=3600",
      "access-control-allow-origin": "*",
      "cross-origin-resource-policy": "cross-origin",
    },
  });
}
