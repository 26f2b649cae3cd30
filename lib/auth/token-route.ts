import { AppError, errorResponse } from "@/lib/errors";
import { finishApiResponse } from "@/lib/http/api-response";
import { assertWellFormedParams } from "@/lib/validation/assert-safe-input";
import { assertCan, type RenderSubject, type RenderTokenCaller } from "./caller";
import type { Permission } from "./permissions";
import { resolveRenderTokenCaller } from "./render-token-caller";

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Params = Record<string, string>;

/**
 * Wraps a route the worker's headless browser calls: it has no session, so the `?token=` render token signed for
 * one subject (read from the route params) stands in. A missing, expired, tampered or foreign token answers 404,
 * exactly like an id that does not exist; then the token's scopes must hold `permission`.
 */
export function tokenRoute(
  {
    subject,
    permission = "render_models.read",
  }: { subject: (params: Params) => RenderSubject; permission?: Permission },
  fn: (args: { caller: RenderTokenCaller; params: Params; request: Request }) => Promise<Response>,
) {
  return async (request: Request, routeContext: RouteContext): Promise<Response> => {
    let response: Response;
    try {
      const params = Object.fromEntries(
        Object.entries((await routeContext.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]),
      );
      const caller = resolveRenderTokenCaller(subject(params), new URL(request.url).searchParams.get("token"));
      if (!caller) throw new AppError("not_found", "Not found.");
      assertWellFormedParams(params);
      assertCan(caller, permission);
      response = await fn({ caller, params, request });
    } catch (err) {
      response = errorResponse(err);
    }
    return finishApiResponse(request, response);
  };
}
