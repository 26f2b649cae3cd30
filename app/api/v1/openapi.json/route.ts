import { openApiDocument } from "@/lib/api/v1/openapi";

/** Public: the API's description holds no workspace data. Built once per process (the schemas do not change). */
let cached: string | null = null;

export function GET(): Response {
  cached ??= JSON.stringify(openApiDocument());
  return new Response(cached, {
    headers: { "content-type": "application/json", "cache-control": "public, max-age=300" },
  });
}
