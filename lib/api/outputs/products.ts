import { z } from "zod";
import type { ProductInfo } from "@/lib/products/catalog";
import type { ProductSummary } from "@/lib/products/product-service";
import { vec3 } from "./common";

const warning = z.object({ code: z.string(), message: z.string(), pointer: z.string().optional() });
const unitKey = z.string() as z.ZodType<NonNullable<ProductSummary["unit"]>>;

/** One uploaded product as the library and the product page show it (lib/products/product-service.ts toSummary). */
export const productSummaryOutput: z.ZodType<ProductSummary> = z.object({
  id: z.string(),
  name: z.string(),
  dimensionsM: vec3,
  triangles: z.number(),
  materials: z.array(z.string()),
  variants: z.array(z.string()),
  unit: unitKey.nullable(),
  suggestedUnit: unitKey.nullable(),
  appliedUnit: unitKey.nullable(),
  warnings: z.array(warning),
  originalFilename: z.string(),
  modelUrl: z.string(),
  originalUrl: z.string(),
  thumbnailUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A shared sample product (lib/products/catalog.ts). */
export const sampleProductOutput: z.ZodType<ProductInfo> = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  dimensionsM: vec3,
  triangles: z.number(),
  materials: z.array(z.string()),
  variants: z.array(z.string()),
  sample: z.boolean(),
  thumbnailUrl: z.string().nullable(),
});

export const productListOutput = z.object({
  products: z.array(productSummaryOutput),
  samples: z.array(sampleProductOutput),
});
export const productOutput = z.object({ product: productSummaryOutput });
/** PATCH: the product after the change (absent only when nothing was asked, which the input schema refuses). */
export const productPatchOutput = z.object({ product: productSummaryOutput.optional() });
