import { z } from "zod";

/** `{ ok: true }`: what deletes and renames that have nothing else to say answer. */
export const okOutput = z.object({ ok: z.literal(true) });
/** A new resource's id (201). */
export const createdIdOutput = z.object({ id: z.string() });
/** A hosted page to send the browser to (Stripe Checkout and Portal). */
export const urlOutput = z.object({ url: z.string() });

const vec3 = z.tuple([z.number(), z.number(), z.number()]);
export { vec3 };
