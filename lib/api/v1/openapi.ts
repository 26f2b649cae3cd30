import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { z } from "zod";
import type { Endpoint } from "./endpoint";
import { ENDPOINTS } from "./endpoints";
import { errorSchema } from "./schemas";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

const json = (schema: z.ZodTypeAny) => ({ "application/json": { schema } });

const COMMON_ERRORS: Record<string, { description: string; content: ReturnType<typeof json> }> = {
  "401": { description: "No API key, or an unknown or revoked one", content: json(errorSchema) },
  "403": { description: "The key lacks the scope this operation needs", content: json(errorSchema) },
  "404": { description: "No such resource in the key's workspace", content: json(errorSchema) },
  "422": { description: "Invalid input; `fields` names each problem", content: json(errorSchema) },
  "429": { description: "Rate limit reached; see Retry-After", content: json(errorSchema) },
};

const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

function operation(e: Endpoint): ZodOpenApiOperationObject {
  const params = pathParams(e.path);
  const responses: Record<string, { description: string; content: object }> = {
    [String(e.status)]: e.output
      ? { description: e.status === 202 ? "Accepted: queued" : "OK", content: json(e.output) }
      : { description: "The file", content: { [e.file ?? "application/octet-stream"]: { schema: z.string() } } },
    ...COMMON_ERRORS,
  };
  for (const [status, description] of Object.entries(e.errors ?? {}))
    responses[status] = { description, content: json(errorSchema) };
  if (e.method === "POST") {
    responses["409"] ??= {
      description: "A request with this Idempotency-Key is still running",
      content: json(errorSchema),
    };
  }
  const idempotencyHeader =
    e.method === "POST"
      ? z.object({
          "Idempotency-Key": z
            .string()
            .optional()
            .describe("Replays the first answer for 24 h; the same key with another body is 422"),
        })
      : undefined;
  return {
    operationId: e.operationId,
    summary: e.summary,
    description: e.description,
    tags: [e.tag],
    security: [{ apiKey: [] }],
    requestParams: {
      ...(params.length ? { path: z.object(Object.fromEntries(params.map((p) => [p, z.string()]))) } : {}),
      ...(e.query ? { query: e.query } : {}),
      ...(idempotencyHeader ? { header: idempotencyHeader } : {}),
    },
    ...(e.body === "multipart"
      ? { requestBody: { required: true, content: { "multipart/form-data": { schema: e.upload ?? z.object({}) } } } }
      : e.body
        ? { requestBody: { required: true, content: json(e.body) } }
        : {}),
    responses: responses as ZodOpenApiOperationObject["responses"],
  };
}

/** The OpenAPI 3.1 document of /api/v1, generated from the same endpoint objects and zod schemas the routes use. */
export function openApiDocument(serverUrl = "/") {
  const paths: ZodOpenApiPathsObject = {};
  for (const e of Object.values(ENDPOINTS) as Endpoint[]) {
    const method = e.method.toLowerCase() as "get" | "post" | "put" | "delete";
    paths[e.path] = { ...paths[e.path], [method]: operation(e) };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Plinth API",
      version: "1.0.0",
      description:
        "Products, templates, scenes and renders of one workspace, with a key from Settings → API keys. " +
        "Lists page with `?limit&cursor` and answer `next_cursor`; every error is `{ error: { type, message, fields? } }`; " +
        "every answer carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset. " +
        `Webhooks (Settings → Webhooks, signed per Standard Webhooks) send ${WEBHOOK_EVENT_TYPES.join(", ")}.`,
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "A key from Settings → API keys: plk_live_... or plk_test_...",
        },
      },
    },
    paths,
  });
}
