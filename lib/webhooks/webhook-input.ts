import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./event-types";

const events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { message: "Choose from the listed events." }))
  .min(1, "Choose at least one event.")
  .max(WEBHOOK_EVENT_TYPES.length);
const url = z.string().trim().min(1, "Enter the endpoint's URL.").max(2000, "That URL is too long.");

export const createWebhookSchema = z.object({ url, events }).strict();
export const updateWebhookSchema = z
  .object({ url: url.optional(), events: events.optional(), enabled: z.boolean().optional() })
  .strict();
