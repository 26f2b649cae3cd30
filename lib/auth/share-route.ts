import { z } from "zod";
import { resolveShareLink } from "@/lib/albums/share-access";
import { getDb } from "@/lib/db";
import { AppError, errorResponse } from "@/lib/errors";
import { finishApiResponse } from "@/lib/http/api-response";
import { BODY_LIMITS, readJsonBody } from "@/lib/http/read-body";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { assertSafeInput, assertWellFormedParams } from "@/lib/validation/assert-safe-input";
import { assertCan, type ShareLinkCaller } from "./caller";
import type { Permission } from "./permissions";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** Reads one cookie from a request (share pages have no session; only the link's unlock cookie matters). */
export function requestCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

/**
 * Wraps a route a share album's guest page calls with no session: the `[token]` route param (the link's secret,
 * looked up by its hash) stands in. A malformed, unknown, revoked or expired token answers 404, exactly like a file
 * that does not exist; a link with a password answers 401 until this browser has typed it; then the link's scopes
 * must hold `permission` (a download without the download scope is 403). Answers are never stored by any cache and
 * never indexed.
 */
export function shareRoute<S extends z.ZodTypeAny>(
  { permission, schema }: { permission: Permission; schema: S },
  fn: (args: {
    caller: ShareLinkCaller;
    input: z.output<S>;
    params: Record<string, string>;
    request: Request;
  }) => Promise<unknown>,
) {
  return async (request: Request, routeContext: RouteContext): Promise<Response> => {
    let response: Response;
    try {
      const readsBody = request.method !== "GET" && request.method !== "HEAD";
      if (readsBody) assertSameOrigin(request);
      const params = Object.fromEntries(
        Object.entries((await routeContext.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]),
      );
      const resolved = await resolveShareLink(getDb(), params.token, (name) => requestCookie(request, name));
      if (!resolved) throw new AppError("not_found", "Not found.");
      if (resolved.state === "locked") throw new AppError("unauthorized", "This album needs its password.");
      assertWellFormedParams(params);
      assertCan(resolved.caller, permission);
      const body = readsBody ? await readJsonBody(request, BODY_LIMITS.publicJson) : {};
      const input = schema.parse(assertSafeInput(body));
      const result = await fn({ caller: resolved.caller, input, params, request });
      response = result instanceof Response ? result : Response.json(result);
    } catch (err) {
      response = errorResponse(err);
    }
    response = finishApiResponse(request, response);
    return withShareHeaders(response);
  };
}

/** noindex and no-store on everything a share link answers: a revoked link must stop at once, caches included. */
export function withShareHeaders(response: Response): Response {
  try {
    response.headers.set("cache-control", "private, no-store");
    response.headers.set("x-robots-tag", "noindex, nofollow");
    response.headers.set("referrer-policy", "no-referrer");
    return response;
  } catch {
    const headers = new Headers(response.headers);
    headers.set("cache-control", "private, no-store");
    headers.set("x-robots-tag", "noindex, nofollow");
    headers.set("referrer-policy", "no-referrer");
    return new Response(response.body, { status: response.status, headers });
  }
}
