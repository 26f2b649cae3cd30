import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { resolveApiKey, bearerKey, type ResolvedApiKey } from "@/lib/api-keys/resolve-key";
import { scopeFor } from "@/lib/api-keys/scopes";
import type { Endpoint } from "@/lib/api/v1/endpoint";
import { ApiV1Error, v1ErrorResponse } from "@/lib/api/v1/errors";
import { getDb, getPool } from "@/lib/db";
import { hitWindow, type WindowState } from "@/lib/db/queries/api-rate-limit";
import {
  claimIdempotency,
  findIdempotency,
  releaseIdempotency,
  storeIdempotentResponse,
} from "@/lib/db/queries/api-idempotency";
import { env } from "@/lib/env";
import { finishApiResponse } from "@/lib/http/api-response";
import { BODY_LIMITS, isJsonContentType, readBodyBytes } from "@/lib/http/read-body";
import { uploadLimits } from "@/lib/products/limits";
import { assertSafeInput, assertWellFormedParams } from "@/lib/validation/assert-safe-input";
import { callerCan, type ApiKeyCaller } from "./caller";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Output<E extends Endpoint> = E["output"] extends z.ZodTypeAny ? z.input<E["output"]> : never;
type Body<E extends Endpoint> = E["body"] extends z.ZodTypeAny ? z.output<E["body"]> : undefined;
type Query<E extends Endpoint> = E["query"] extends z.AnyZodObject ? z.output<E["query"]> : Record<string, never>;

export type ApiHandlerArgs<E extends Endpoint> = {
  caller: ApiKeyCaller;
  key: { id: string; mode: ResolvedApiKey["mode"] };
  body: Body<E>;
  query: Query<E>;
  params: Record<string, string>;
  /** The request; for a multipart endpoint its body is still unread (a copy of the bytes the key was checked on). */
  request: Request;
};

/** Route handlers carry their endpoint, so a test can check each route file against the OpenAPI document. */
export type ApiRouteHandler = ((request: Request, ctx: RouteContext) => Promise<Response>) & { endpoint: Endpoint };

const RATE_WINDOW_MS = 60_000;
const MULTIPART_OVERHEAD = 256 * 1024;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Wraps a public API route (`/api/v1`), the way workspaceRoute wraps the app's: `Authorization: Bearer plk_...`
 * ─► the key (hashed lookup; unknown or revoked: 401) ─► its rate limit (429 with Retry-After; RateLimit-* headers
 * on every answer) ─► path ids well formed (else 404) ─► the endpoint's permission among the key's scopes (403)
 * ─► query and body parsed with the endpoint's zod schemas (422 with fields) ─► `Idempotency-Key` on a POST (the
 * first answer is replayed for 24 h; another body is 422; while the first runs, 409) ─► the handler ─► the answer
 * parsed with the declared output (a mismatch is our bug: 500). Another workspace's ids answer 404 because every
 * service call is scoped by the key's workspace. No session or cookie is read, so no same-origin check applies.
 */
export function apiRoute<E extends Endpoint>(
  endpoint: E,
  fn: (args: ApiHandlerArgs<E>) => Promise<Output<E> | Response>,
): ApiRouteHandler {
  const handler = async (request: Request, routeContext: RouteContext): Promise<Response> => {
    let response: Response;
    let rate: WindowState | null = null;
    const timing = new Timing();
    try {
      const db = getDb();
      const presented = bearerKey(request);
      if (!presented)
        throw new ApiV1Error("unauthorized", "missing_api_key", "Send an API key: Authorization: Bearer plk_...");
      const key = await timing.time("key", resolveApiKey(db, presented));
      if (!key) throw new ApiV1Error("unauthorized", "invalid_api_key", "This API key is not valid or was revoked.");
      rate = await timing.time(
        "rate",
        hitWindow(getPool(), `api_key:${key.caller.keyId}`, env().API_RATE_LIMIT_PER_MINUTE, RATE_WINDOW_MS),
      );
      if (rate.limited)
        throw new ApiV1Error("rate_limited", "rate_limited", "Too many requests for this key. Retry after a moment.");

      const params = Object.fromEntries(
        Object.entries((await routeContext.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]),
      );
      assertWellFormedParams(params);
      if (!callerCan(key.caller, endpoint.permission)) {
        const scope = scopeFor(endpoint.permission);
        throw new ApiV1Error(
          "forbidden",
          "missing_scope",
          scope ? `This key lacks the "${scope}" scope.` : "API keys cannot do this.",
        );
      }
      const query = (
        endpoint.query
          ? endpoint.query.parse(assertSafeInput(Object.fromEntries(new URL(request.url).searchParams)))
          : {}
      ) as Query<E>;

      const raw = endpoint.method === "POST" || endpoint.method === "PUT" ? await readRawBody(endpoint, request) : null;
      const run = async (): Promise<Response> => {
        try {
          const body = (
            raw && endpoint.body !== "multipart" && endpoint.body
              ? endpoint.body.parse(assertSafeInput(parseJson(raw.bytes)))
              : undefined
          ) as Body<E>;
          const handed = raw && endpoint.body === "multipart" ? copyRequest(request, raw.bytes) : request;
          const result = await timing.time(
            "handler",
            fn({
              caller: key.caller,
              key: { id: key.caller.keyId, mode: key.mode },
              body,
              query,
              params,
              request: handed,
            }),
          );
          if (result instanceof Response) return result;
          const out = endpoint.output ? parseOutput(endpoint.output, result) : result;
          return Response.json(out, { status: endpoint.status });
        } catch (err) {
          return v1ErrorResponse(err);
        }
      };

      const idempotencyKey = request.headers.get("idempotency-key");
      response =
        endpoint.method === "POST" && idempotencyKey !== null
          ? await idempotent(
              key.caller.keyId,
              idempotencyKey,
              await requestHash(endpoint, request, raw?.bytes),
              run,
              timing,
            )
          : await run();
    } catch (err) {
      response = v1ErrorResponse(err);
    }
    return finishApiResponse(request, timing.onto(withRateHeaders(response, rate)));
  };
  return Object.assign(handler, { endpoint });
}

async function readRawBody(endpoint: Endpoint, request: Request): Promise<{ bytes: Uint8Array }> {
  if (endpoint.body === "multipart") {
    const type = request.headers.get("content-type") ?? "";
    if (!type.toLowerCase().startsWith("multipart/form-data"))
      throw new ApiV1Error(
        "unsupported_media_type",
        "unsupported_media_type",
        "Send the model as multipart/form-data.",
      );
    return { bytes: await readBodyBytes(request, uploadLimits().maxBytes + MULTIPART_OVERHEAD) };
  }
  const contentType = request.headers.get("content-type");
  const bytes = await readBodyBytes(request, BODY_LIMITS.workspaceJson);
  if (bytes.byteLength > 0 && !isJsonContentType(contentType))
    throw new ApiV1Error(
      "unsupported_media_type",
      "unsupported_media_type",
      "Send the request body as JSON (Content-Type: application/json).",
    );
  return { bytes };
}

function parseJson(bytes: Uint8Array): unknown {
  const text = new TextDecoder().decode(bytes);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiV1Error("bad_request", "invalid_json", "The request body is not valid JSON.");
  }
}

/** The upload as the product service reads it: same headers, the bytes already counted against the cap. */
function copyRequest(request: Request, bytes: Uint8Array): Request {
  const headers = new Headers(request.headers);
  headers.set("content-length", String(bytes.byteLength));
  return new Request(request.url, { method: request.method, headers, body: new Uint8Array(bytes) });
}

/**
 * What makes two requests "the same" for an Idempotency-Key: method, path and body. An upload is compared by its
 * fields and files, not its bytes: a retry of the same files comes with a new multipart boundary.
 */
async function requestHash(endpoint: Endpoint, request: Request, bytes: Uint8Array | undefined): Promise<string> {
  const hash = createHash("sha256").update(`${request.method} ${new URL(request.url).pathname}\n`);
  if (endpoint.body !== "multipart" || !bytes) return hash.update(bytes ?? new Uint8Array(0)).digest("hex");
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    // Unreadable: the handler refuses it; the bytes stand for it meanwhile.
    return hash.update(bytes).digest("hex");
  }
  for (const [name, value] of form.entries()) {
    hash.update(`${name}\0`);
    if (typeof value === "string") hash.update(`s${value}\0`);
    else hash.update(`f${value.name}\0`).update(new Uint8Array(await value.arrayBuffer()));
  }
  return hash.digest("hex");
}

/**
 * Runs `run` at most once per (key, Idempotency-Key) within 24 h. The claim is one INSERT on the primary key, so of
 * two parallel requests exactly one runs; the other is told 409 while the first runs, or gets its answer replayed.
 * A server error (5xx) is not kept: the client may retry with the same key.
 */
async function idempotent(
  keyId: string,
  idempotencyKey: string,
  hash: string,
  run: () => Promise<Response>,
  timing: Timing,
): Promise<Response> {
  if (!IDEMPOTENCY_KEY.test(idempotencyKey))
    throw new ApiV1Error(
      "bad_request",
      "invalid_idempotency_key",
      "Idempotency-Key must be 1-255 printable ASCII characters.",
    );
  const db = getDb();
  if (!(await timing.time("idem_claim", claimIdempotency(db, keyId, idempotencyKey, hash)))) {
    const held = await findIdempotency(db, keyId, idempotencyKey);
    if (held && held.requestHash !== hash)
      throw new ApiV1Error(
        "unprocessable",
        "idempotency_mismatch",
        "This Idempotency-Key was used with a different request. Use a new key for a new request.",
      );
    if (!held || held.responseStatus === null)
      throw new ApiV1Error(
        "conflict",
        "idempotency_in_progress",
        "A request with this Idempotency-Key is still running. Retry once it has finished.",
      );
    const headers = new Headers({ "content-type": "application/json", "idempotent-replayed": "true" });
    for (const [name, value] of Object.entries(held.responseHeaders ?? {})) headers.set(name, value);
    return new Response(held.responseBody, { status: held.responseStatus, headers });
  }
  let response: Response;
  try {
    response = await run();
  } catch (err) {
    await releaseIdempotency(db, keyId, idempotencyKey).catch(() => {});
    throw err;
  }
  if (response.status >= 500) {
    await releaseIdempotency(db, keyId, idempotencyKey);
    return response;
  }
  const body = await response.clone().text();
  const kept: Record<string, string> = {};
  const location = response.headers.get("location");
  if (location) kept.location = location;
  await timing.time(
    "idem_store",
    storeIdempotentResponse(db, keyId, idempotencyKey, { status: response.status, body, headers: kept }),
  );
  return response;
}

/**
 * `Server-Timing` on every keyed answer: milliseconds spent on the key lookup, the rate-limit row, the idempotency
 * claim and stored answer, the handler, and in all. Programs and bench:api see where a slow request spent its time;
 * nothing in it is secret (durations only).
 */
class Timing {
  private readonly started = performance.now();
  private readonly spans: [string, number][] = [];
  async time<T>(name: string, work: Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await work;
    } finally {
      this.spans.push([name, performance.now() - t0]);
    }
  }
  onto(response: Response): Response {
    const spans = [...this.spans, ["total", performance.now() - this.started] as [string, number]];
    try {
      response.headers.set("server-timing", spans.map(([n, ms]) => `${n};dur=${ms.toFixed(1)}`).join(", "));
    } catch {
      // Immutable headers (a replayed or fetched response): the timing is only informative.
    }
    return response;
  }
}

/** RateLimit-Limit / -Remaining / -Reset (seconds until one more request fits) on every keyed answer. */
function withRateHeaders(response: Response, rate: WindowState | null): Response {
  if (!rate) return response;
  const resetS = Math.max(1, Math.ceil((rate.resetAt.getTime() - Date.now()) / 1000));
  const headers = new Headers(response.headers);
  headers.set("ratelimit-limit", String(rate.limit));
  headers.set("ratelimit-remaining", String(rate.remaining));
  headers.set("ratelimit-reset", String(resetS));
  if (rate.limited) headers.set("retry-after", String(resetS));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function parseOutput(output: z.ZodTypeAny, result: unknown): unknown {
  const parsed = output.safeParse(result);
  if (!parsed.success)
    throw new Error(`Response does not match its declared shape: ${parsed.error.issues[0]?.path.join(".")}`);
  return parsed.data;
}
