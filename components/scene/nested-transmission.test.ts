/**
 * Nested transmission (issue 18): a liquid inside a glass bottle. The inner transmissive body becomes an opaque,
 * coloured stand-in so three's transmission pass (which draws the glass's backdrop from opaque objects only) has
 * it behind the glass; the glass keeps its transmission, volume and dispersion.
 */
import { describe, expect, it } from "vitest";
import { BoxGeometry, Color, CylinderGeometry, Group, Mesh, MeshPhysicalMaterial } from "three";
import { innerBodyColour, resolveNestedTransmission } from "./nested-transmission";

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
  it("draws the liquid inside the glass as an opaque body with the liquid's colour", () => {
    const { root, bottle, fill, glass, liquid } = bottleWithLiquid();
    const changed = resolveNestedTransmission(root);
    expect(changed).toEqual([fill]);
    const body = fill.material as MeshPhysicalMaterial;
    expect(body).not.toBe(liquid);
    expect(body.transmission).toBe(0);
    expect(body.transparent).toBe(false);
    // Red through 6 cm of a syrup that keeps 10% of green and blue every 3 cm: deep red.
    expect(body.color.r).toBeGreaterThan(0.5);
    expect(body.color.g).toBeLessThan(0.05);
    expect(body.color.b).toBeLessThan(0.05);
    // The glass keeps everything that makes it glass; the source material is untouched.
    expect(bottle.material).toBe(glass);
    expect(glass.transmission).toBe(1);
    expect(glass.thickness).toBe(0.004);
    expect(glass.dispersion).toBe(2);
    expect(liquid.transmission).toBe(1);
  });

  it("leaves a lone glass, side-by-side glasses and an opaque label alone", () => {
    const { root, bottle, fill } = bottleWithLiquid();
    fill.position.x = 0.2; // beside the bottle now, not inside it
    const label = new Mesh(new BoxGeometry(0.05, 0.05, 0.05), new MeshPhysicalMaterial({ transmission: 0 }));
    bottle.add(label);
    expect(resolveNestedTransmission(root)).toEqual([]);
  });

  it("tints by attenuation over the body's thickness (Beer-Lambert), and not at all without attenuation", () => {
    const thin = new MeshPhysicalMaterial({
      thickness: 0.001,
      attenuationColor: new Color(0.5, 0.5, 1),
      attenuationDistance: 0.1,
    });
    expect(innerBodyColour(thin).r).toBeGreaterThan(0.99);
    const clear = new MeshPhysicalMaterial({ color: new Color(0.2, 0.4, 0.6), thickness: 1 });
    expect(innerBodyColour(clear).toArray()).toEqual(new Color(0.2, 0.4, 0.6).toArray());
  });
});
