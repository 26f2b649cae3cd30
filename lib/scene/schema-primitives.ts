/** Building blocks shared by the scene document's sections (./schema.ts and ./blocks/*). */
import { z } from "zod";

// ---------------------------------------------------------------- primitives

export const finite = z.number().finite();
export const unit = finite.min(0).max(1);

/** Stage coordinates are bounded so a typo (1000 instead of 0.1) is caught. */
export const coordinate = finite.min(-100).max(100);
export const vec3Schema = z.tuple([coordinate, coordinate, coordinate]);
export type Vec3 = z.infer<typeof vec3Schema>;

export const hexColorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "must be a hex colour like #aabbcc")
  .transform((value) => value.toLowerCase());

/** Slot ids: stable handles for editor commands (not database ids). */
export const slotIdSchema = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}$/, "must be 1-64 letters, digits, '-' or '_'");

/** Radians; two full turns either way is plenty and catches degree/radian mix-ups. */
export const rotationYSchema = finite.min(-4 * Math.PI).max(4 * Math.PI);
export const roughness = unit;
export const metalness = unit;

/** Reports duplicate `id`s at `<array>.<index>.id`, so the offending entry is named. */
export function uniqueIds<T extends { id: string }>(items: T[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index, "id"], message: `duplicate id "${item.id}"` });
    }
    seen.add(item.id);
  });
}
