/**
 * Nested transmission (issue 18): a liquid inside a glass bottle. The inner transmissive body becomes double-sided
 * so three's transmission pass (which draws the glass's backdrop from opaque objects and the back faces of
 * double-sided transmissive ones) has it behind the glass, still transmissive, attenuated over its full depth; the
 * glass keeps its transmission, volume and dispersion. tests/integration/nested-transmission.test.ts checks pixels.
 */
import { describe, expect, it } from "vitest";
import { BoxGeometry, Color, CylinderGeometry, DoubleSide, FrontSide, Group, Mesh, MeshPhysicalMaterial } from "three";
import { resolveNestedTransmission } from "./nested-transmission";

function bottleWithLiquid() {
  const glass = new MeshPhysicalMaterial({
    name: "glass",
    transmission: 1,
    thickness: 0.004,
    roughness: 0.05,
    attenuationColor: new Color(0.9, 0.95, 1),
    attenuationDistance: 0.5,
    dispersion: 2,
  });
  const liquid = new MeshPhysicalMaterial({
    name: "liquid",
    color: new Color(1, 1, 1),
    transmission: 1,
    thickness: 0.06,
    attenuationColor: new Color(0.8, 0.1, 0.1),
    attenuationDistance: 0.03,
  });
  const bottle = new Mesh(new CylinderGeometry(0.035, 0.035, 0.2, 32).translate(0, 0.1, 0), glass);
  const fill = new Mesh(new CylinderGeometry(0.031, 0.031, 0.12, 32).translate(0, 0.064, 0), liquid);
  const root = new Group();
  root.add(bottle, fill);
  return { root, bottle, fill, glass, liquid };
}

describe("nested transmission", () => {
  it("keeps the liquid inside the glass transmissive, double-sided, as deep as the body is", () => {
    const { root, bottle, fill, glass, liquid } = bottleWithLiquid();
    const changed = resolveNestedTransmission(root);
    expect(changed).toEqual([fill]);
    const volume = fill.material as MeshPhysicalMaterial;
    expect(volume).not.toBe(liquid);
    expect(volume.transmission).toBe(1);
    expect(volume.side).toBe(DoubleSide);
    // Light crosses the whole 6.2 cm of liquid (the cylinder's diameter), not the material's 6 cm guess.
    expect(volume.thickness).toBeCloseTo(0.062, 3);
    expect(volume.attenuationColor.toArray()).toEqual(liquid.attenuationColor.toArray());
    expect(volume.attenuationDistance).toBe(0.03);
    // Drawn after the glass, whose depth then spares the volume shader on the liquid's hidden front faces.
    expect(fill.renderOrder).toBeGreaterThan(bottle.renderOrder);
    // The glass keeps everything that makes it glass; the source material is untouched.
    expect(bottle.material).toBe(glass);
    expect(glass.side).toBe(FrontSide);
    expect(glass.transmission).toBe(1);
    expect(glass.thickness).toBe(0.004);
    expect(glass.dispersion).toBe(2);
    expect(liquid.side).toBe(FrontSide);
    expect(liquid.thickness).toBe(0.06);
  });

  it("leaves a lone glass, side-by-side glasses and an opaque label alone", () => {
    const { root, bottle, fill } = bottleWithLiquid();
    fill.position.x = 0.2; // beside the bottle now, not inside it
    const label = new Mesh(new BoxGeometry(0.05, 0.05, 0.05), new MeshPhysicalMaterial({ transmission: 0 }));
    bottle.add(label);
    expect(resolveNestedTransmission(root)).toEqual([]);
  });
});
