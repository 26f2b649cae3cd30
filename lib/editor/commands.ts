/**
 * Named, pure editor commands: `(doc, args) => newDoc`. They never mutate the
 * input (history keeps references to old documents) and copy only the branch
 * they change, so unchanged sub-objects stay referentially equal (cheap React
 * memoisation). Commands do not validate; applyCommand does, so a command
 * producing an invalid document can never reach history, the API or a render.
 */
import {
  CAMERA_PRESETS,
  DEFAULT_PODIUM,
  lightsForPreset,
  parseScene,
  type BackgroundSpec,
  type CameraPresetId,
  type CameraState,
  type EnvironmentSpec,
  type FloorSpec,
  type LightRigPresetId,
  type LightSpec,
  type LookSpec,
  type MaterialOverride,
  type OutputSpec,
  type PodiumSpec,
  type ProductPlacement,
  type PropSpec,
  type SceneDocument,
  type ShadowSpec,
  type ToneMappingSpec,
  type Vec3,
} from "../scene";
import { CommandError } from "./command-error";
import { shotCommands } from "./shot-commands";
import { overlayCommands } from "./overlay-commands";
import { placementCommands, type NewProp } from "./placement-commands";

import { bundleCommands } from "./bundle-commands";

export { CommandError };

export type LookPatch = Partial<Omit<LookSpec, "ambientOcclusion" | "depthOfField">> & {
  ambientOcclusion?: Partial<LookSpec["ambientOcclusion"]>;
  depthOfField?: Partial<LookSpec["depthOfField"]>;
};

/** Drops keys whose value is undefined so a partial patch never erases a field. */
function defined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function findIndex<T extends { id: string }>(items: readonly T[], id: string, what: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) throw new CommandError(`no ${what} with id "${id}"`);
  return index;
}

function replaceAt<T>(items: readonly T[], index: number, value: T): T[] {
  return items.map((item, i) => (i === index ? value : item));
}

function updateProduct(
  doc: SceneDocument,
  slotId: string,
  update: (p: ProductPlacement) => ProductPlacement,
): SceneDocument {
  const index = findIndex(doc.products, slotId, "product slot");
  return { ...doc, products: replaceAt(doc.products, index, update(doc.products[index])) };
}

const copyVec = (v: Vec3): Vec3 => [v[0], v[1], v[2]];

export const commands = {
  setBackground(doc: SceneDocument, args: { background: BackgroundSpec }): SceneDocument {
    return { ...doc, background: { ...args.background } };
  },

  /** Sets a solid colour background (whatever the kind was). */
  setBackgroundColor(doc: SceneDocument, args: { color: string }): SceneDocument {
    return { ...doc, background: { kind: "solid", color: args.color } };
  },

  /** Copies the preset's angles, lens and tightness in and returns to auto-fit. */
  setCameraPreset(doc: SceneDocument, args: { preset: CameraPresetId }): SceneDocument {
    if (args.preset === "custom") return { ...doc, camera: { ...doc.camera, preset: "custom" } };
    const preset = CAMERA_PRESETS[args.preset];
    return {
      ...doc,
      camera: {
        ...doc.camera,
        preset: args.preset,
        azimuth: preset.azimuth,
        elevation: preset.elevation,
        focalLength: preset.focalLength,
        zoom: preset.tightness,
        distance: null,
        target: null,
      },
    };
  },

  /** Partial camera update; the preset label becomes "custom" unless given. */
  setCamera(doc: SceneDocument, args: Partial<CameraState>): SceneDocument {
    return { ...doc, camera: { ...doc.camera, preset: "custom", ...defined(args) } };
  },

  setFocalLength(doc: SceneDocument, args: { focalLength: number }): SceneDocument {
    return { ...doc, camera: { ...doc.camera, preset: "custom", focalLength: args.focalLength } };
  },

  setLightRigPreset(doc: SceneDocument, args: { preset: LightRigPresetId }): SceneDocument {
    const { rig } = doc.lighting;
    const lights = args.preset === "custom" ? rig.lights : lightsForPreset(args.preset);
    return { ...doc, lighting: { ...doc.lighting, rig: { preset: args.preset, lights } } };
  },

  /** Edits one light; the rig no longer matches a preset, so it becomes "custom". */
  updateLight(doc: SceneDocument, args: { id: string; patch: Partial<Omit<LightSpec, "id">> }): SceneDocument {
    const { lights } = doc.lighting.rig;
    const index = findIndex(lights, args.id, "light");
    const light = { ...lights[index], ...defined(args.patch) };
    return {
      ...doc,
      lighting: { ...doc.lighting, rig: { preset: "custom", lights: replaceAt(lights, index, light) } },
    };
  },

  setEnvironment(doc: SceneDocument, args: Partial<EnvironmentSpec>): SceneDocument {
    return { ...doc, lighting: { ...doc.lighting, environment: { ...doc.lighting.environment, ...defined(args) } } };
  },

  setToneMapping(doc: SceneDocument, args: Partial<ToneMappingSpec>): SceneDocument {
    return { ...doc, toneMapping: { ...doc.toneMapping, ...defined(args) } };
  },

  /** The photographic look (components/editor/look-section.tsx): nested blocks are patched, not replaced. */
  setLook(doc: SceneDocument, args: LookPatch): SceneDocument {
    const { ambientOcclusion, depthOfField, ...rest } = args;
    return {
      ...doc,
      look: {
        ...doc.look,
        ...defined(rest),
        ambientOcclusion: { ...doc.look.ambientOcclusion, ...defined(ambientOcclusion ?? {}) },
        depthOfField: { ...doc.look.depthOfField, ...defined(depthOfField ?? {}) },
      },
    };
  },

  setFloor(doc: SceneDocument, args: Partial<FloorSpec>): SceneDocument {
    return { ...doc, stage: { ...doc.stage, floor: { ...doc.stage.floor, ...defined(args) } } };
  },

  /** null removes the podium; a patch edits it (or adds the default podium, patched). */
  setPodium(doc: SceneDocument, args: { podium: Partial<PodiumSpec> | null }): SceneDocument {
    const podium = args.podium === null ? null : { ...(doc.stage.podium ?? DEFAULT_PODIUM), ...defined(args.podium) };
    return { ...doc, stage: { ...doc.stage, podium } };
  },

  /** Merges into a material's override; `override: null` removes it. */
  setMaterialOverride(
    doc: SceneDocument,
    args: { slotId: string; material: string; override: MaterialOverride | null },
  ): SceneDocument {
    return updateProduct(doc, args.slotId, (product) => {
      const { [args.material]: current, ...others } = product.materialOverrides;
      const materialOverrides =
        args.override === null ? others : { ...others, [args.material]: { ...current, ...defined(args.override) } };
      return { ...product, materialOverrides };
    });
  },

  setProductVariant(doc: SceneDocument, args: { slotId: string; variant: string | null }): SceneDocument {
    return updateProduct(doc, args.slotId, (product) => ({ ...product, variant: args.variant }));
  },

  setProductTransform(
    doc: SceneDocument,
    args: { slotId: string; position?: Vec3; rotationY?: number; scale?: number },
  ): SceneDocument {
    return updateProduct(doc, args.slotId, (product) => ({
      ...product,
      ...defined({ rotationY: args.rotationY, scale: args.scale }),
      position: args.position ? copyVec(args.position) : product.position,
    }));
  },

  setShadows(
    doc: SceneDocument,
    args: { contact?: Partial<ShadowSpec["contact"]>; accumulated?: boolean },
  ): SceneDocument {
    const { shadows } = doc;
    return {
      ...doc,
      shadows: {
        contact: args.contact ? { ...shadows.contact, ...defined(args.contact) } : shadows.contact,
        accumulated: args.accumulated ?? shadows.accumulated,
      },
    };
  },

  /** Adds a prop; without an id it gets the first free "prop-N" (deterministic, no random ids). */
  addProp(doc: SceneDocument, args: { prop: NewProp & { id?: string } }): SceneDocument {
    const taken = new Set(doc.stage.props.map((prop) => prop.id));
    let id = args.prop.id;
    for (let n = 1; id === undefined; n++) if (!taken.has(`prop-${n}`)) id = `prop-${n}`;
    const surface = args.prop.surface ?? "plain";
    const prop: PropSpec = { ...args.prop, surface, id, position: copyVec(args.prop.position) };
    return { ...doc, stage: { ...doc.stage, props: [...doc.stage.props, prop] } };
  },

  removeProp(doc: SceneDocument, args: { id: string }): SceneDocument {
    findIndex(doc.stage.props, args.id, "prop");
    return { ...doc, stage: { ...doc.stage, props: doc.stage.props.filter((prop) => prop.id !== args.id) } };
  },

  setOutputs(doc: SceneDocument, args: { outputs: OutputSpec[] }): SceneDocument {
    return { ...doc, outputs: args.outputs.map((output) => ({ ...output })) };
  },

  ...shotCommands,
  ...overlayCommands,
  // Add, remove and arrange the products of a bundle.
  ...bundleCommands,
  ...placementCommands,
} satisfies Record<string, (doc: SceneDocument, args: never) => SceneDocument>;

export type CommandName = keyof typeof commands;
export type CommandArgs<K extends CommandName> = Parameters<(typeof commands)[K]>[1];

/** A serialisable command. `coalesceKey` groups a drag into one undo step (see history.ts). */
export type SceneCommand = {
  [K in CommandName]: { type: K; args: CommandArgs<K>; coalesceKey?: string };
}[CommandName];

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(commands, name);
}

/**
 * Runs a command and validates + normalises the result with parseScene.
 * Throws CommandError for an unknown command or a missing target id, and
 * SceneValidationError (issues naming the field) if the result is invalid.
 */
export function applyCommand(doc: SceneDocument, command: SceneCommand): SceneDocument {
  if (!isCommandName(command.type)) throw new CommandError(`unknown command "${String(command.type)}"`);
  const run = commands[command.type] as (doc: SceneDocument, args: unknown) => SceneDocument;
  return parseScene(run(doc, command.args));
}
