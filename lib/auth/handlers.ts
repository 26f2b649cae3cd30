import "server-only";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { getDb } from "@/lib/db";
import { AppError, errorResponse, toAppError } from "@/lib/errors";
import { assertSafeInput, assertWellFormedParams } from "@/lib/validation/assert-safe-input";
import { isWellFormedId } from "@/lib/validation/safe-text";
import { finishApiResponse } from "@/lib/http/api-response";
import { BODY_LIMITS, readJsonBody } from "@/lib/http/read-body";
import { assertSameOrigin } from "@/lib/http/same-origin";
import type { Permission } from "./permissions";
import { activeWorkspaceId, getSessionUser } from "./session";
import { authorizeWorkspace, type WorkspaceMember } from "./workspace-access";

type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;

/** `permission`: what the caller must be allowed (lib/auth/permissions.ts); `schema`: the input. */
type Options<S extends z.ZodTypeAny> = { permission: Permission; schema: S };

async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
  return user;
}

/** The signed-in member caller: session ─► user ─► workspace (route param, else the active one) ─► permission. */
async function resolveMember(permission: Permission, explicitWorkspaceId?: string): Promise<WorkspaceMember> {
  const user = await requireUser();
  const workspaceId = explicitWorkspaceId ?? (await activeWorkspaceId(user.id));
  // The id may come from a cookie the client wrote: junk (a NUL byte) names no workspace.
  if (!workspaceId || !isWellFormedId(workspaceId)) throw new AppError("not_found", "Workspace was not found.");
  return authorizeWorkspace(getDb(), user.id, workspaceId, permission);
}

const parseInput = <S extends z.ZodTypeAny>(schema: S, raw: unknown): z.output<S> =>
  schema.parse(assertSafeInput(raw instanceof FormData ? Object.fromEntries(raw) : raw));

export function toActionError(err: unknown): ActionResult<never> {
  const e = toAppError(err);
  return { ok: false, error: e.message, code: e.code, fieldErrors: e.fieldErrors };
}

/**
 * Wraps a server action: authenticate, load the active workspace, check the
 * member's permission, parse the input with zod, then run `fn`. No action can skip a step.
 */
export function workspaceAction<S extends z.ZodTypeAny, T>(
  { permission, schema }: Options<S>,
  fn: (input: z.output<S>, caller: WorkspaceMember) => Promise<T>,
) {
  return async (raw: z.input<S> | FormData): Promise<ActionResult<T>> => {
    try {
      const caller = await resolveMember(permission);
      return { ok: true, data: await fn(parseInput(schema, raw), caller) };
    } catch (err) {
      return toActionError(err);
    }
  };
}

/**
 * A server action for a signed-in user outside any one workspace (switch workspace, create one):
 * authenticate, parse, run; `fn` checks any workspace it is handed itself (authorizeWorkspace).
 */
export function userAction<S extends z.ZodTypeAny, T>(
  schema: S,
  fn: (input: z.output<S>, user: SessionUser) => Promise<T>,
) {
  return async (raw: z.input<S> | FormData): Promise<ActionResult<T>> => {
    try {
      const user = await requireUser();
      return { ok: true, data: await fn(parseInput(schema, raw), user) };
    } catch (err) {
      return toActionError(err);
    }
  };
}

/** A server action that needs no session (sign-up, password reset): parse, run, map errors. */
export function publicAction<S extends z.ZodTypeAny, T>(schema: S, fn: (input: z.output<S>) => Promise<T>) {
  return async (raw: z.input<S> | FormData): Promise<ActionResult<T>> => {
    try {
      return { ok: true, data: await fn(parseInput(schema, raw)) };
    } catch (err) {
      return toActionError(err);
    }
  };
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * Wraps a route handler the same way. A state-changing request from another
 * site is refused first (403, lib/http/same-origin.ts). The workspace is the
 * one named in the `workspaceId` route param when present, else the active
 * one; bodies are JSON only (415 otherwise), at most 1 MB (413), parsed with
 * `schema` (zod errors become 422 with field messages). `body: "upload"`
 * leaves the body unread for a handler that streams it itself (multipart).
 * `output`: the JSON answer's declared shape, parsed before it is sent (a
 * mismatch is our bug: 500, logged), with `status` (default 200). JSON answers
 * are never cached (no-store).
 */
export function workspaceRoute<
  S extends z.ZodTypeAny,
  O extends z.ZodTypeAny = z.ZodTypeAny,
  T extends z.input<O> = z.input<O>,
>(
  {
    permission,
    schema,
    output,
    status,
    body: bodyKind = "json",
  }: Options<S> & { output?: O; status?: number; body?: "json" | "upload" },
  fn: (args: {
    input: z.output<S>;
    ctx: WorkspaceMember;
    params: Record<string, string>;
    request: Request;
  }) => Promise<T | Response>,
) {
  return async (request: Request, routeContext: RouteContext): Promise<Response> => {
    let response: Response;
    try {
      assertSameOrigin(request);
      const params = Object.fromEntries(
        Object.entries((await routeContext.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]),
      );
      assertWellFormedParams(params);
      const ctx = await resolveMember(permission, params.workspaceId);
      const readsJson = bodyKind === "json" && request.method !== "GET" && request.method !== "HEAD";
      const body = readsJson ? await readJsonBody(request, BODY_LIMITS.workspaceJson) : {};
      const input = schema.parse(assertSafeInput(body));
      const result = await fn({ input, ctx, params, request });
      response =
        result instanceof Response ? result : Response.json(output ? parseOutput(output, result) : result, { status });
    } catch (err) {
      response = errorResponse(err);
    }
    return finishApiResponse(request, response);
  };
}

/** A handler's answer checked against its declared shape; a mismatch is a server bug, never the client's 422. */
function parseOutput<O extends z.ZodTypeAny>(output: O, result: unknown): z.output<O> {
  const parsed = output.safeParse(result);
  if (!parsed.success)
    throw new Error(`Response does not match its declared shape: ${parsed.error.issues[0]?.path.join(".")}`);
  return parsed.data;
}
