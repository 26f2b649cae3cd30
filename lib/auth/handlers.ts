import "server-only";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { getDb } from "@/lib/db";
import type { MemberRole } from "@/lib/db/schema";
import { AppError, errorResponse, toAppError } from "@/lib/errors";
import { assertSafeInput, assertWellFormedParams } from "@/lib/validation/assert-safe-input";
import { isWellFormedId } from "@/lib/validation/safe-text";
import { finishApiResponse } from "@/lib/http/api-response";
import { BODY_LIMITS, readJsonBody } from "@/lib/http/read-body";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { activeWorkspaceId, getSessionUser } from "./session";
import { authorizeWorkspace, type WorkspaceContext } from "./workspace-access";

type Options<S extends z.ZodTypeAny> = { role: MemberRole; schema: S };

async function resolveContext(role: MemberRole, explicitWorkspaceId?: string): Promise<WorkspaceContext> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
  const workspaceId = explicitWorkspaceId ?? (await activeWorkspaceId(user.id));
  // The id may come from a cookie the client wrote: junk (a NUL byte) names no workspace.
  if (!workspaceId || !isWellFormedId(workspaceId)) throw new AppError("not_found", "Workspace was not found.");
  return authorizeWorkspace(getDb(), user.id, workspaceId, role);
}

export function toActionError(err: unknown): ActionResult<never> {
  const e = toAppError(err);
  return { ok: false, error: e.message, code: e.code, fieldErrors: e.fieldErrors };
}

/**
 * Wraps a server action: authenticate, load the active workspace, check the
 * member's role, parse the input with zod, then run `fn`. No action can skip a step.
 */
export function workspaceAction<S extends z.ZodTypeAny, T>(
  { role, schema }: Options<S>,
  fn: (input: z.output<S>, ctx: WorkspaceContext) => Promise<T>,
) {
  return async (raw: z.input<S> | FormData): Promise<ActionResult<T>> => {
    try {
      const ctx = await resolveContext(role);
      const input = schema.parse(assertSafeInput(raw instanceof FormData ? Object.fromEntries(raw) : raw));
      return { ok: true, data: await fn(input, ctx) };
    } catch (err) {
      return toActionError(err);
    }
  };
}

/** A server action that needs no session (sign-up, password reset): parse, run, map errors. */
export function publicAction<S extends z.ZodTypeAny, T>(schema: S, fn: (input: z.output<S>) => Promise<T>) {
  return async (raw: z.input<S> | FormData): Promise<ActionResult<T>> => {
    try {
      const input = schema.parse(assertSafeInput(raw instanceof FormData ? Object.fromEntries(raw) : raw));
      return { ok: true, data: await fn(input) };
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
 * JSON answers are never cached (no-store).
 */
export function workspaceRoute<S extends z.ZodTypeAny, T>(
  { role, schema, body: bodyKind = "json" }: Options<S> & { body?: "json" | "upload" },
  fn: (args: { input: z.output<S>; ctx: WorkspaceContext; params: Record<string, string>; request: Request }) => Promise<T | Response>,
) {
  return async (request: Request, routeContext: RouteContext): Promise<Response> => {
    let response: Response;
    try {
      assertSameOrigin(request);
      const params = Object.fromEntries(
        Object.entries((await routeContext.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]),
      );
      assertWellFormedParams(params);
      const ctx = await resolveContext(role, params.workspaceId);
      const readsJson = bodyKind === "json" && request.method !== "GET" && request.method !== "HEAD";
      const body = readsJson ? await readJsonBody(request, BODY_LIMITS.workspaceJson) : {};
      const input = schema.parse(assertSafeInput(body));
      const result = await fn({ input, ctx, params, request });
      response = result instanceof Response ? result : Response.json(result);
    } catch (err) {
      response = errorResponse(err);
    }
    return finishApiResponse(request, response);
  };
}
