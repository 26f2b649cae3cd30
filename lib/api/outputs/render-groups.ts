import { z } from "zod";

export const renderGroupQuoteOutput = z.object({
  batches: z.number(),
  outputs: z.number(),
  credits: z.number(),
  balance: z.number(),
  enough: z.boolean(),
});
export const createdRenderGroupOutput = z.object({
  groupId: z.string(),
  title: z.string(),
  batchIds: z.array(z.string()),
  credits: z.number(),
});
const status = z.enum(["queued", "rendering", "done", "failed"]);
export const renderGroupOutput = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  total: z.number(),
  done: z.number(),
  failed: z.number(),
  open: z.number(),
  batches: z.array(
    z.object({
      batchId: z.string(),
      productId: z.string(),
      productName: z.string(),
      templateId: z.string(),
      sceneName: z.string(),
      outputs: z.array(z.object({ id: z.string(), label: z.string(), status, error: z.string().nullable() })),
    }),
  ),
});
