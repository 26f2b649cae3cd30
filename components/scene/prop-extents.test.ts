/**
 * The framing's prop boxes (lib/scene/composition.ts PROP_EXTENTS) must contain the real prop geometry: a box
 * whole in the frame then means the prop is, and a box out of it means the prop is out. Checked on the geometry
 * the renderer builds, over many seeds for the random shapes (pebbles, leaves).
 */
import { describe, expect, it } from "vitest";
import { Box3 } from "three";
import { PROP_KINDS } from "@/lib/scene";
import { PROP_EXTENTS } from "@/lib/scene/composition";
import { propGeometry } from "./stage/geometry";

describe("prop extents used by framing", () => {
  for (const kind of PROP_KINDS) {
    it(`contain every ${kind} the renderer builds`, () => {
      const extent = PROP_EXTENTS[kind];
      expect(extent, `${kind} has an extent`).toBeDefined();

      for (let seed = 1; seed <= 60; seed++) {
        const geometry = propGeometry(kind, seed * 7919);
        const box = new Box3().setFromBufferAttribute(geometry.getAttribute("position") as never);
        geometry.dispose();
        expect(box.min.y).toBeGreaterThan(-1e-6);
        const half = [Math.max(-box.min.x, box.max.x), box.max.y, Math.max(-box.min.z, box.max.z)];

        expect(half[0], `${kind} x`).toBeLessThanOrEqual(extent[0] / 2 + 1e-6);
        expect(half[1], `${kind} y`).toBeLessThanOrEqual(extent[1] + 1e-6);
        expect(half[2], `${kind} z`).toBeLessThanOrEqual(extent[2] / 2 + 1e-6);
      }
    });
  }
});
