import { describe, expect, it } from "vitest";
import { createDefaultScene, SceneValidationError, type PropSpec, type SceneDocument } from "../scene";
import { bundleCommands } from "./bundle-commands";
import { applyCommand, CommandError, commands, type SceneCommand } from "./commands";
import { overlayCommands } from "./overlay-commands";
import { shotCommands } from "./shot-commands";

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** A frozen document: any mutation by a command throws in strict mode. */
function frozenDoc(): SceneDocument {
  return deepFreeze(createDefaultScene({ productId: "sample_perfume", seed: 1 }));
}

const prop: Omit<PropSpec, "id" | "surface"> = {
  kind: "sphere",
  position: [0.2, 0, 0.1],
  rotationY: 0,
  scale: 0.5,
  color: "#b7c4b1",
  roughness: 0.7,
  metalness: 0,
};

/** Each case: the command, and what must be true of the result. */
const cases: { command: SceneCommand; check: (doc: SceneDocument) => void }[] = [
  {
    command: {
      type: "setBackground",
      args: { background: { kind: "gradient", from: "#ffffff", to: "#dddddd", angle: 90 } },
    },
    check: (d) => expect(d.background).toEqual({ kind: "gradient", from: "#ffffff", to: "#dddddd", angle: 90 }),
  },
  {
    command: { type: "setBackgroundColor", args: { color: "#112233" } },
    check: (d) => expect(d.background).toEqual({ kind: "solid", color: "#112233" }),
  },
  {
    command: { type: "setCameraPreset", args: { preset: "close-up" } },
    check: (d) => expect(d.camera).toMatchObject({ preset: "close-up", zoom: 1.8, focalLength: 85, distance: null }),
  },
  {
    command: { type: "setCamera", args: { azimuth: -60, distance: 0.5 } },
    check: (d) => expect(d.camera).toMatchObject({ preset: "custom", azimuth: -60, distance: 0.5, elevation: 15 }),
  },
  {
    command: { type: "setFocalLength", args: { focalLength: 100 } },
    check: (d) => expect(d.camera).toMatchObject({ focalLength: 100, preset: "custom" }),
  },
  {
    command: { type: "setLightRigPreset", args: { preset: "dramatic" } },
    check: (d) => {
      expect(d.lighting.rig.preset).toBe("dramatic");
      expect(d.lighting.rig.lights.find((l) => l.role === "key")!.intensity).toBe(6);
    },
  },
  {
    command: { type: "updateLight", args: { id: "key", patch: { intensity: 5, temperatureK: 3200 } } },
    check: (d) => {
      expect(d.lighting.rig.preset).toBe("custom");
      expect(d.lighting.rig.lights[0]).toMatchObject({ id: "key", intensity: 5, temperatureK: 3200, azimuth: -40 });
    },
  },
  {
    command: { type: "setEnvironment", args: { id: "sunset", showAsBackground: true } },
    check: (d) =>
      expect(d.lighting.environment).toEqual({ id: "sunset", intensity: 1, rotation: 0, showAsBackground: true }),
  },
  {
    command: { type: "setToneMapping", args: { mode: "agx", exposure: 1.4 } },
    check: (d) => expect(d.toneMapping).toEqual({ mode: "agx", exposure: 1.4 }),
  },
  {
    command: { type: "setLook", args: { depthOfField: { enabled: true }, grade: "warm" } },
    check: (d) => expect(d.look).toMatchObject({ depthOfField: { enabled: true, fNumber: 2.8 }, grade: "warm" }),
  },
  {
    command: { type: "setFloor", args: { visible: false } },
    check: (d) => expect(d.stage.floor).toMatchObject({ visible: false, roughness: 0.8 }),
  },
  {
    command: { type: "setPodium", args: { podium: { shape: "box", height: 0.12 } } },
    check: (d) => expect(d.stage.podium).toMatchObject({ shape: "box", height: 0.12, width: 0.36 }),
  },
  {
    command: { type: "setPodium", args: { podium: null } },
    check: (d) => expect(d.stage.podium).toBeNull(),
  },
  {
    command: {
      type: "setMaterialOverride",
      args: { slotId: "product-1", material: "Cap", override: { color: "#C9A227", metalness: 1 } },
    },
    check: (d) => expect(d.products[0].materialOverrides).toEqual({ Cap: { color: "#c9a227", metalness: 1 } }),
  },
  {
    command: { type: "setProductVariant", args: { slotId: "product-1", variant: "midnight" } },
    check: (d) => expect(d.products[0].variant).toBe("midnight"),
  },
  {
    command: { type: "setProductTransform", args: { slotId: "product-1", rotationY: 1.2, position: [0.05, 0.08, 0] } },
    check: (d) => expect(d.products[0]).toMatchObject({ rotationY: 1.2, position: [0.05, 0.08, 0], scale: 1 }),
  },
  {
    command: { type: "setShadows", args: { contact: { opacity: 0.8 }, accumulated: true } },
    check: (d) => expect(d.shadows).toEqual({ contact: { opacity: 0.8, blur: 2.5 }, accumulated: true }),
  },
  {
    command: { type: "addProp", args: { prop: { ...prop, position: [0.2, 0, 0.1] } } },
    check: (d) => expect(d.stage.props).toEqual([{ ...prop, surface: "plain", id: "prop-1" }]),
  },
  {
    command: { type: "setOutputs", args: { outputs: [{ id: "banner", label: "Banner", width: 2400, height: 800 }] } },
    check: (d) => expect(d.outputs).toEqual([{ id: "banner", label: "Banner", width: 2400, height: 800 }]),
  },
  {
    command: {
      type: "setObjectTransforms",
      args: { items: [{ kind: "product", id: "product-1", position: [0.05, 0.08, 0], scale: 1.5 }] },
    },
    check: (d) => expect(d.products[0]).toMatchObject({ position: [0.05, 0.08, 0], scale: 1.5 }),
  },
  {
    command: { type: "addProps", args: { props: [prop, { ...prop, kind: "cube" }] } },
    check: (d) =>
      expect(d.stage.props.map((p) => [p.id, p.kind])).toEqual([
        ["prop-1", "sphere"],
        ["prop-2", "cube"],
      ]),
  },
];

describe("editor commands", () => {
  for (const { command, check } of cases) {
    it(`${command.type} ${JSON.stringify(command.args)} changes what it says, input untouched`, () => {
      const input = frozenDoc();
      const snapshot = structuredClone(input);
      const output = applyCommand(input, command);
      check(output);
      expect(output).not.toBe(input);
      expect(input).toEqual(snapshot);
    });
  }

  it("covers every registered command", () => {
    // Shot, overlay and bundle commands have their own files of cases.
    const tested = new Set([
      ...cases.map((c) => c.command.type),
      "removeProp",
      "setPropStyle",
      ...Object.keys(shotCommands),
      ...Object.keys(overlayCommands),
      ...Object.keys(bundleCommands),
    ]);
    expect([...tested].sort()).toEqual(Object.keys(commands).sort());
  });

  it("removeProp removes by id, input untouched", () => {
    const withProps = deepFreeze(
      applyCommand(applyCommand(frozenDoc(), { type: "addProp", args: { prop } }), { type: "addProp", args: { prop } }),
    );
    expect(withProps.stage.props.map((p) => p.id)).toEqual(["prop-1", "prop-2"]);
    const removed = applyCommand(withProps, { type: "removeProp", args: { id: "prop-1" } });
    expect(removed.stage.props.map((p) => p.id)).toEqual(["prop-2"]);
    expect(withProps.stage.props).toHaveLength(2);
  });

  it("removing a material override deletes its key", () => {
    const a = applyCommand(frozenDoc(), {
      type: "setMaterialOverride",
      args: { slotId: "product-1", material: "Glass", override: { roughness: 0.1 } },
    });
    const b = applyCommand(deepFreeze(a), {
      type: "setMaterialOverride",
      args: { slotId: "product-1", material: "Glass", override: null },
    });
    expect(b.products[0].materialOverrides).toEqual({});
  });

  it("keeps unchanged branches referentially equal (pure commands, before validation)", () => {
    const input = frozenDoc();
    const out = commands.setToneMapping(input, { exposure: 2 });
    expect(out.stage).toBe(input.stage);
    expect(out.lighting).toBe(input.lighting);
  });

  it("rejects a command that produces an invalid document, naming the field", () => {
    const input = frozenDoc();
    expect(() => applyCommand(input, { type: "setBackgroundColor", args: { color: "blue" } })).toThrow(
      SceneValidationError,
    );
    try {
      applyCommand(input, { type: "updateLight", args: { id: "fill", patch: { intensity: -2 } } });
      expect.unreachable();
    } catch (error) {
      expect((error as SceneValidationError).issues.map((i) => i.path)).toEqual(["lighting.rig.lights.1.intensity"]);
    }
  });

  it("rejects unknown command names and unknown target ids", () => {
    const input = frozenDoc();
    expect(() => applyCommand(input, { type: "explode", args: {} } as unknown as SceneCommand)).toThrow(CommandError);
    expect(() => applyCommand(input, { type: "updateLight", args: { id: "nope", patch: {} } })).toThrow(
      /no light with id "nope"/,
    );
    expect(() => applyCommand(input, { type: "setProductVariant", args: { slotId: "x", variant: null } })).toThrow(
      CommandError,
    );
  });

  it("caps props at 12", () => {
    let doc = frozenDoc();
    for (let i = 0; i < 12; i++) doc = applyCommand(doc, { type: "addProp", args: { prop } });
    expect(() => applyCommand(doc, { type: "addProp", args: { prop } })).toThrow(SceneValidationError);
  });
});
