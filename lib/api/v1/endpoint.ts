import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

/**
 * One operation of the public API, declared once: the route file wraps its handler with it (apiRoute) and the
 * OpenAPI document is generated from the same object. `body`: a zod schema for JSON, or "multipart" for uploads
 * (with `upload` describing the form for the document). `output`: the JSON answer's shape, parsed before it is sent;
 * absent for a file (`file` names its content type).
 */
export type Endpoint = {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path, e.g. /api/v1/products/{product_id}; the route folder is the same with [product_id]. */
  path: string;
  tag: "Products" | "Templates" | "Scenes" | "Renders";
  summary: string;
  description?: string;
  permission: Permission;
  query?: z.AnyZodObject;
  body?: z.ZodTypeAny | "multipart";
  upload?: z.AnyZodObject;
  output?: z.ZodTypeAny;
  file?: string;
  status: number;
  /** Other answers worth documenting besides the common errors, e.g. 409 for a stale scene revision. */
  errors?: Record<number, string>;
};

export function defineEndpoint<E extends Endpoint>(endpoint: E): E {
  return endpoint;
}
