import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import fixture from "./__fixtures__/scene-v1.json";
import fixtureV2 from "./__fixtures__/scene-v2.json";
import fixtureV3 from "./__fixtures__/scene-v3.json";
import fixtureV4 from "./__fixtures__/scene-v4.json";
import { SceneVersionError } from "./errors";
import { migrateScene } from "./migrations";
import { parseScene } from "./parse";
import { CURRENT_SCENE_VERSION } from "./schema";
import { createDefaultScene } from "./defaults";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** A document's stage as it was before v5 (no surface finishes, no reflections), to compare older fixtures. */
function withoutV5Stage<T extends { stage: unknown }>(doc: T): T {
  const { floor, podium, props, ...stage } = doc.stage as Record<string, unknown> & {
    floor: Record<string, unknown>;
    podium: Record<string, unknown> | null;
    props: Record<string, unknown>[];
  };
  const strip = ({ surface: _s, reflection: _r, ...rest }: Record<string, unknown>) => rest;
  return {
    ...doc,
    stage: { ...stage, floor: strip(floor), podium: podium && strip(podium), props: props.map(strip) },
  };
}

describe("scene migrations", () => {
  it("is at version 5", () => {
    expect(CURRENT_SCENE_VERSION).toBe(5);
  });

  it("migrates the frozen v4 fixture to v5: plain surfaces that mirror nothing, everything else kept", () => {
    const input = deepFreeze(structuredClone(fixtureV4));
    const doc = parseScene(input);
    expect(doc.version).toBe(5);
    expect(doc.stage.floor).toMatchObject({ surface: "plain", reflection: 0 });
    expect(doc.stage.podium).toMatchObject({ surface: "plain", reflection: 0 });
    expect(doc.stage.props.length).toBeGreaterThan(0);
    for (const prop of doc.stage.props) expect(prop.surface).toBe("plain");
    const { version: _v, ...rest } = withoutV5Stage(doc);
    const { version: _v4, ...old } = fixtureV4;
    expect(rest).toEqual(old);
  });

  it("refuses an unknown surface finish and a reflection over 1, naming the field", () => {
    const doc = parseScene(fixtureV4);
    const floor = { ...doc.stage.floor, surface: "velvet" };
    expect(() => parseScene({ ...doc, stage: { ...doc.stage, floor } })).toThrow(/stage\.floor\.surface/);
    const podium = { ...doc.stage.podium, reflection: 2 };
    expect(() => parseScene({ ...doc, stage: { ...doc.stage, podium } })).toThrow(/stage\.podium\.reflection/);
  });

  it("has a frozen fixture for every older version", () => {
    const fixtures = fs.readdirSync(path.join(__dirname, "__fixtures__"));
    for (let version = 1; version < CURRENT_SCENE_VERSION; version++) {
      expect(fixtures).toContain(`scene-v${version}.json`);
    }
  });

  it("migrates the frozen v3 fixture: no shots, no overlays, a look without AO or lens effects", () => {
    const input = deepFreeze(structuredClone(fixtureV3));
    const doc = parseScene(input);
    expect(doc.version).toBe(5);
    expect(doc.shots).toEqual([]);
    expect(doc.overlays).toEqual([]);
    expect(doc.look.ambientOcclusion.enabled).toBe(false);
    expect(doc.look.depthOfField.enabled).toBe(false);
    expect(doc.look).toMatchObject({ grade: "none", vignette: 0, grain: 0 });
    const { version: _v, shots: _s, overlays: _o, look: _l, ...rest } = withoutV5Stage(doc);
    const { version: _v3, ...old } = fixtureV3;
    expect(rest).toEqual(old);
  });

  it("new scenes get ambient occlusion on", () => {
    expect(createDefaultScene({ productId: "sample_perfume" }).look.ambientOcclusion.enabled).toBe(true);
  });

  it("refuses a shot with no ratios and a seventh overlay, naming the field", () => {
    const v4 = parseScene(fixtureV3);
    const shot = { id: "top", label: "Top-down", camera: v4.camera, outputIds: [] };
    expect(() => parseScene({ ...v4, shots: [shot] })).toThrow(/shots\.0\.outputIds/);
    const text = {
      id: "t",
      kind: "text",
      role: "headline",
      text: "Spring",
      fontId: "inter",
      color: "#111111",
      placements: { default: { anchor: "top-left", size: 0.1, visible: true } },
    };
    const many = Array.from({ length: 7 }, (_, i) => ({ ...text, id: `t${i}` }));
    expect(() => parseScene({ ...v4, overlays: many })).toThrow(/overlays/);
  });

  it("migrates the frozen v2 fixture with no move, keeping everything else", () => {
    const input = deepFreeze(structuredClone(fixtureV2));
    const doc = parseScene(input);
    expect(doc.version).toBe(5);
    expect(doc.motion).toBeNull();
    const { version: _v, motion: _m, shots: _s, overlays: _o, look: _l, ...rest } = withoutV5Stage(doc);
    const { version: _v2, ...old } = fixtureV2;
    expect(rest).toEqual(old);
  });

  it("keeps a v3 motion block", () => {
    const motion = { move: "turntable", durationS: 6, fps: 30 } as const;
    expect(parseScene({ ...parseScene(fixtureV2), motion }).motion).toEqual(motion);
    expect(() => parseScene({ ...parseScene(fixtureV2), motion: { ...motion, move: "barrel-roll" } })).toThrow();
    expect(() => parseScene({ ...parseScene(fixtureV2), motion: { ...motion, fps: 1000 } })).toThrow();
    expect(() => parseScene({ ...parseScene(fixtureV2), motion: { ...motion, durationS: 600 } })).toThrow();
  });

  it("migrates the frozen v1 fixture to a valid current document", () => {
    const input = deepFreeze(structuredClone(fixture));
    const doc = parseScene(input);

    expect(doc.version).toBe(5);
    expect(doc.motion).toBeNull();
    expect(doc.seed).toBe(1234567);
    expect(doc.products).toEqual([
      {
        id: "product-1",
        productId: "sample_perfume",
        position: [0, 0.1, 0],
        rotationY: 0.5,
        scale: 1,
        materialOverrides: { Glass: { roughness: 0.05 }, Cap: { color: "#c9a227", metalness: 1 } },
        variant: null,
      },
    ]);
    // fov 30 deg vertical -> 12 / tan(15 deg) = 44.78 mm, rounded to 0.1 mm.
    expect(doc.camera).toEqual({
      preset: "three-quarter",
      target: null,
      azimuth: 35,
      elevation: 15,
      distance: null,
      focalLength: 44.8,
      zoom: 1,
      referenceAspect: 1,
    });
    expect(doc.lighting.environment).toEqual({ id: "city", intensity: 0.8, rotation: 0, showAsBackground: false });
    expect(doc.lighting.rig.preset).toBe("soft-studio");
    expect(doc.lighting.rig.lights.map((l) => l.id)).toEqual(["key", "fill", "rim"]);
    expect(doc.background).toEqual({ kind: "solid", color: "#f2eee9" });
    // v1 rendered with ACES filmic; keep the look.
    expect(doc.toneMapping).toEqual({ mode: "aces", exposure: 1 });
    expect(doc.stage.props[0].id).toBe("prop-1");
    expect(doc.outputs.map((o) => o.id)).toEqual(["square", "story"]);
  });

  it("does not mutate its input", () => {
    const input = structuredClone(fixture);
    migrateScene(input);
    expect(input).toEqual(fixture);
  });

  it("maps a transparent v1 background to the transparent kind", () => {
    const doc = parseScene({ ...fixture, background: { color: "#ffffff", transparent: true } });
    expect(doc.background).toEqual({ kind: "transparent" });
  });

  it("reports malformed v1 content with v2 field names", () => {
    try {
      parseScene({ ...fixture, background: { color: "white" } });
      expect.unreachable();
    } catch (error) {
      expect((error as SceneVersionError).issues.map((i) => i.path)).toEqual(["background.color"]);
    }
  });

  it("leaves a current document unchanged", () => {
    const migrated = migrateScene(parseScene(fixture));
    expect(migrated).toEqual(parseScene(fixture));
  });

  it("rejects a future version with a clear error", () => {
    const future = { ...parseScene(fixture), version: 6 };
    expect(() => migrateScene(future)).toThrow(SceneVersionError);
    expect(() => parseScene(future)).toThrow(/version 6 is newer than this build supports \(5\)/);
    try {
      parseScene(future);
    } catch (error) {
      expect((error as SceneVersionError).issues[0].path).toBe("version");
    }
  });

  it("rejects a missing or malformed version", () => {
    const { version: _omit, ...noVersion } = fixture;
    expect(() => parseScene(noVersion)).toThrow(SceneVersionError);
    expect(() => parseScene({ ...fixture, version: 0 })).toThrow(SceneVersionError);
    expect(() => parseScene({ ...fixture, version: "1" })).toThrow(SceneVersionError);
  });
});
