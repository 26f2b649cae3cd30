/**
 * The one way client code calls the JSON API. Every failure comes back in one
 * shape, the body lib/errors.ts errorResponse sends ({ code, message, fields }),
 * so a form shows `fields` next to its inputs and `message` at its button.
 * Network failures and non-JSON answers (a proxy's HTML page) get the same shape.
 */
export type ApiError = {
  code: string;
  message: string;
  /** First message per field, keyed by dotted path, as the server's zod check found them. */
  fields?: Record<string, string>;
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
};

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type CallOptions = {
  /** The message when the server gives none (it was unreachable or answered with something else than JSON). */
  fallback?: string;
  signal?: AbortSignal;
};

/** The ApiError in a parsed error body `{ error: { code, message, fields } }`; anything else becomes the fallback. */
export function apiErrorOf(body: unknown, status: number, fallback?: string): ApiError {
  const e = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
  const fields = e?.fields && typeof e.fields === "object" ? (e.fields as Record<string, string>) : undefined;
  return {
    code: typeof e?.code === "string" ? e.code : "unknown",
    message: typeof e?.message === "string" ? e.message : (fallback ?? `Something went wrong (${status}).`),
    ...(fields ? { fields } : {}),
    status,
  };
}

/** Reads the ApiError of a failed response. */
export async function readApiError(res: Response, fallback?: string): Promise<ApiError> {
  return apiErrorOf(await res.json().catch(() => null), res.status, fallback);
}

/** The sentence to show when a form has one place for errors: the first field's message, else the message. */
export function errorText(error: ApiError): string {
  const field = error.fields ? Object.values(error.fields)[0] : undefined;
  return field ?? error.message;
}

/** Only this app's own API: a path, never a URL (nothing leaves the machine, tests/offline/outbound-hosts.test.ts). */
function assertOwnPath(path: string): void {
  if (!path.startsWith("/") || path.startsWith("//"))
    throw new Error(`The API client calls this app's own paths only, not ${path}`);
}

export async function call<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<ApiResult<T>> {
  assertOwnPath(path);
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      cache: "no-store",
      signal: options.signal,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
  } catch (err) {
    if ((err as Error)?.name === "AbortError") throw err;
    return {
      ok: false,
      error: {
        code: "network",
        message: options.fallback ?? "The server could not be reached. Please try again.",
        status: 0,
      },
    };
  }
  if (!res.ok) return { ok: false, error: await readApiError(res, options.fallback) };
  const data = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  return { ok: true, data: data as T };
}

/** An ApiError as a thrown error, for TanStack Query (whose queries fail by throwing). */
export class ApiRequestError extends Error {
  constructor(public readonly error: ApiError) {
    super(error.message);
    this.name = "ApiRequestError";
  }
}

/** For reads by TanStack Query: the data, or a thrown ApiRequestError. */
export async function fetchJson<T>(
  path: string,
  init: { method?: Method; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const result = await call<T>(init.method ?? "GET", path, init.body, { signal: init.signal });
  if (!result.ok) throw new ApiRequestError(result.error);
  return result.data;
}

export const api = {
  get: <T>(path: string, options?: CallOptions) => call<T>("GET", path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: CallOptions) => call<T>("POST", path, body ?? {}, options),
  put: <T>(path: string, body: unknown, options?: CallOptions) => call<T>("PUT", path, body, options),
  patch: <T>(path: string, body: unknown, options?: CallOptions) => call<T>("PATCH", path, body, options),
  delete: <T = unknown>(path: string, options?: CallOptions) => call<T>("DELETE", path, undefined, options),
};
