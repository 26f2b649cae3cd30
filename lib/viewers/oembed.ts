import type { Database } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { EMBED_SIZE, iframeSnippet } from "./embed";
import { loadViewerLink } from "./viewer-link";
import { isWellFormedViewerToken } from "./viewer-token";

/** The oEmbed endpoint's address for a viewer link (the viewer page names it for discovery). */
export function oembedDiscoveryUrl(token: string): string {
  const origin = new URL(appUrl()).origin;
  return `${origin}/api/oembed?url=${encodeURIComponent(`${origin}/v/${token}`)}&format=json`;
}

/**
 * The token of a viewer link of this app, or null. Only the URL's text is read: it must be http(s), on this app's
 * own origin (APP_URL or the one the request came in on), and exactly /v/<token>. Nothing is ever fetched.
 */
export function viewerTokenOfUrl(raw: string, origins: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || !origins.includes(url.origin)) return null;
  const match = /^\/v\/([^/]+)\/?$/.exec(url.pathname);
  return match && isWellFormedViewerToken(match[1]) ? match[1] : null;
}

const clamp = (value: string | null, fallback: number) => {
  const n = Number(value);
  return Number.isFinite(n) && n >= 100 ? Math.min(Math.floor(n), fallback) : fallback;
};

export type OembedQuery = {
  url: string | null;
  format: string | null;
  maxwidth: string | null;
  maxheight: string | null;
};

/**
 * The oEmbed answer ("rich", an iframe) for a live, ready viewer link of this app; 404 for anything else (another
 * site's URL, an unknown or revoked link), 501 for a format other than JSON, as the oEmbed spec asks.
 */
export async function oembedFor(db: Database, query: OembedQuery, requestOrigin: string) {
  if (query.format && query.format !== "json") throw new AppError("bad_request", "Only format=json is offered.");
  if (!query.url) throw new AppError("bad_request", "Give the viewer link as ?url=.");
  const origin = new URL(appUrl()).origin;
  const token = viewerTokenOfUrl(query.url, [origin, requestOrigin]);
  if (!token) throw new AppError("not_found", "That is not a Plinth 3D viewer link.");
  const link = await loadViewerLink(db, token);
  if (!link || link.state !== "ready") throw new AppError("not_found", "That 3D viewer is not available.");
  const width = clamp(query.maxwidth, EMBED_SIZE.width);
  const height = clamp(query.maxheight, EMBED_SIZE.height);
  const title = `${link.product.name} in 3D`;
  return {
    version: "1.0" as const,
    type: "rich" as const,
    provider_name: "Plinth",
    provider_url: origin,
    title,
    width,
    height,
    html: iframeSnippet(`${origin}/v/${token}`, title, { width, height }),
  };
}
