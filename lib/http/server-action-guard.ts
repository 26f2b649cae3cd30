import { crossSiteRefusal } from "./same-origin";
import { proxySettings, requestHost, type ProxySettings } from "./request-facts";

/**
 * Server-action requests that Next.js cannot decode, refused with a 4xx before
 * Next.js sees them (it answers those with a 500 and logs an error): a body that
 * is not a React reply (broken JSON, a reference to a part that is not there, a
 * bad bigint), a broken multipart form, a form post naming an action without
 * JavaScript (this app calls every action from the client, never as a plain
 * <form action>), a body over Next's 1 MB action limit, and a post from another
 * site. Unknown action ids get Next's own 404.
 *
 * What a reply may hold is the part of React's encodeReply our actions use:
 * JSON arguments, FormData (`$K`), dates, bigints, undefined, NaN/Infinity and
 * temporary references. An action that starts taking a Map, Set, Blob, stream
 * or promise needs its tag added below.
 * Edge-safe (middleware runs it): Web APIs only.
 */

/** Next.js's default serverActions.bodySizeLimit (next.config.js sets none). */
export const ACTION_BODY_LIMIT = 1024 * 1024;
/** Next.js's action ids: 42 hex digits (a type byte and a 40-digit hash). */
const ACTION_ID = /^[0-9a-f]{42}$/;
/** Strings React's reply encoding gives a meaning without any other part of the body. */
const SELF_CONTAINED = /^\$(?:\$[\s\S]*|undefined|NaN|Infinity|-Infinity|-0|T|D[\s\S]*|n-?\d{1,400}|K[0-9a-f]{1,8})$/;
/** A FormData argument's entries: "_<part>_<name>". */
const FORM_ENTRY = /^_[0-9a-f]{1,8}_/;

const refuse = (status: number, message: string) =>
  Response.json(
    { error: { code: status === 413 ? "payload_too_large" : status === 403 ? "forbidden" : "bad_request", message } },
    { status },
  );

/** Why a React reply (the action's argument list) cannot be decoded, or null when it can. */
export function replyProblem(root: string): string | null {
  let args: unknown;
  try {
    args = JSON.parse(root);
  } catch {
    return "The action's arguments are not valid JSON.";
  }
  if (!Array.isArray(args)) return "The action's arguments are not a list.";
  const stack: unknown[] = [args];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (v.startsWith("$") && !SELF_CONTAINED.test(v))
        return "The action's arguments refer to something this server does not accept.";
    } else if (v && typeof v === "object") {
      stack.push(...Object.values(v));
    }
  }
  return null;
}

/** A 4xx for a malformed server-action request, or null to let Next.js handle it. */
export async function refuseMalformedServerAction(
  request: Request,
  settings: ProxySettings = proxySettings(),
): Promise<Response | null> {
  const { pathname } = new URL(request.url);
  if (request.method !== "POST" || pathname.startsWith("/api/") || pathname.startsWith("/_next/")) return null;
  const headers = request.headers;
  const actionId = headers.get("next-action");
  const multipart = /^multipart\/form-data/i.test(headers.get("content-type") ?? "");
  if (actionId === null) {
    return multipart ? refuse(400, "This form must be sent from the app's page (with JavaScript on).") : null;
  }
  if (!ACTION_ID.test(actionId)) return refuse(404, "Server action not found.");
  // Next.js itself refuses a foreign Origin, but with a 500; without one it lets the action run, and so do we.
  const origin = headers.get("origin");
  const crossSite =
    origin === null
      ? null
      : crossSiteRefusal(
          { method: "POST", origin, secFetchSite: null, cookie: null, host: requestHost(headers, settings) },
          settings,
        );
  if (crossSite) return refuse(403, crossSite);
  const length = Number(headers.get("content-length") ?? NaN);
  if (length > ACTION_BODY_LIMIT) return refuse(413, "The request is larger than 1 MB.");
  if (multipart) {
    let form: FormData;
    try {
      form = await request.clone().formData();
    } catch {
      return refuse(400, "The request's form data is malformed.");
    }
    const root = form.get("0");
    if (typeof root !== "string") return refuse(400, "The action's arguments are missing.");
    for (const key of form.keys()) {
      if (key !== "0" && !FORM_ENTRY.test(key))
        return refuse(400, "The request's form data has a part this server does not accept.");
    }
    const problem = replyProblem(root);
    return problem ? refuse(400, problem) : null;
  }
  const body = await request.clone().text();
  if (body.length > ACTION_BODY_LIMIT) return refuse(413, "The request is larger than 1 MB.");
  const problem = replyProblem(body);
  return problem ? refuse(400, problem) : null;
}
