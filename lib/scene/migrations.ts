/**
 * Scene document migrations. Stored documents are never rewritten in place;
 * they are migrated on read, so every old version must stay migratable.
 *
 * Rules for adding a migration:
 *  - append `{ from: n, to: n + 1, up }` and bump CURRENT_SCENE_VERSION;
 *  - `up` reshapes only: it must not validate (parse.ts does that after all
 *    steps) and must not throw on odd input, so a malformed old document is
 *    reported with the CURRENT field names;
 *  - add a frozen fixture of the old version under __fixtures__/ with a test.
 */
import { DEFAULT_LOOK } from "./blocks/look";
import { CURRENT_SCENE_VERSION } from "./schema";
import { SceneVersionError } from "./errors";

type Json = Record<string, unknown>;

export interface SceneMigration {
  from: number;
  to: number;
  up(doc: Json): Json;
}

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function record(value: unknown): Json {
  return isRecord(value) ? value : {};
}

/**
 * v1 -> v2:
 *  - `product` (single) became `products` (array of 1..5, for bundles), each
 *    with a slot `id`, `materials` renamed `materialOverrides`, and `variant`;
 *  - camera `fov` (vertical degrees) became `focalLength` (mm, 24 mm sensor
 *    height) plus `zoom`, `referenceAspect` and a nullable `target`;
 *  - `lighting.environment` (a name) + `environmentIntensity` became an
 *    environment object; `lighting.preset`/`lights` moved under `rig`;
 *  - `background.color` became the `kind` discriminated union;
 *  - `toneMapping` was added. v1 rendered with the viewer's default ACES
 *    filmic tone mapping, so migrated documents get "aces" to keep their look
 *    (new documents default to "neutral").
 */
const v1ToV2: SceneMigration = {
  from: 1,
  to: 2,
  up(doc) {
    const { product, ...rest } = doc;
    const out: Json = { ...rest, version: 2 };

    if (product !== undefined) {
      const { materials, ...placement } = record(product);
      out.products = [{ id: "product-1", ...placement, materialOverrides: materials ?? {}, variant: null }];
    }

    if (isRecord(doc.camera)) {
      const { fov, ...camera } = doc.camera;
      out.camera = {
        ...camera,
        target: null,
        // Round to 0.1 mm: the stored value is user-facing in the editor.
        focalLength:
          typeof fov === "number" && fov > 0 && fov < 180
            ? Math.round((12 / Math.tan((fov * Math.PI) / 360)) * 10) / 10
            : 50,
        zoom: 1,
        referenceAspect: 1,
      };
    }

    if (isRecord(doc.lighting)) {
      const { environment, environmentIntensity, preset, lights } = doc.lighting;
      out.lighting = {
        environment: { id: environment, intensity: environmentIntensity ?? 1, rotation: 0, showAsBackground: false },
        rig: { preset, lights },
      };
    }

    if (isRecord(doc.background)) {
      const { color, transparent } = doc.background;
      out.background = transparent === true ? { kind: "transparent" } : { kind: "solid", color };
    }

    if (out.toneMapping === undefined) out.toneMapping = { mode: "aces", exposure: 1 };
    return out;
  },
};

/** v2 -> v3: the `motion` block (videos) was added; older scenes have no move. */
const v2ToV3: SceneMigration = {
  from: 2,
  to: 3,
  up(doc) {
    return { ...doc, version: 3, motion: doc.motion ?? null };
  },
};

/**
 * v3 -> v4: shots (extra named cameras), brand overlays and the photographic `look` were added. A v3 scene had
 * none of them: no shots, no overlays, and a look without ambient occlusion or lens effects, as it rendered.
 */
const v3ToV4: SceneMigration = {
  from: 3,
  to: 4,
  up(doc) {
    return {
      ...doc,
      version: 4,
      shots: doc.shots ?? [],
      overlays: doc.overlays ?? [],
      look: doc.look ?? { ...DEFAULT_LOOK, ambientOcclusion: { ...DEFAULT_LOOK.ambientOcclusion, enabled: false } },
    };
  },
};

/**
 * v4 -> v5: set surfaces (marble, oak, linen, ...) and reflections. A v4 scene's floor, podium and props were
 * flat colours that mirrored nothing: "plain" and reflection 0.
 */
const v4ToV5: SceneMigration = {
  from: 4,
  to: 5,
  up(doc) {
    if (!isRecord(doc.stage)) return { ...doc, version: 5 }; // validation names what is wrong
    const stage = doc.stage;
    const flat = (value: unknown) => (isRecord(value) ? { surface: "plain", reflection: 0, ...value } : value);
    return {
      ...doc,
      version: 5,
      stage: {
        ...stage,
        floor: flat(stage.floor),
        podium: flat(stage.podium),
        props: Array.isArray(stage.props)
          ? stage.props.map((prop) => (isRecord(prop) ? { surface: "plain", ...prop } : prop))
          : stage.props,
      },
    };
  },
};

/** Ordered; entry i migrates version i+1 to i+2. */
export const SCENE_MIGRATIONS: readonly SceneMigration[] = [v1ToV2, v2ToV3, v3ToV4, v4ToV5];

/**
 * Brings any supported stored scene up to CURRENT_SCENE_VERSION (without
 * validating it). Never mutates its input. Throws SceneVersionError for a
 * missing, non-integer, unknown or newer version.
 */
export function migrateScene(json: unknown): unknown {
  if (!isRecord(json)) return json; // let validation report "expected object"
  const version = json.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new SceneVersionError(
      `scene version must be a positive integer, got ${JSON.stringify(version) ?? "nothing"}`,
    );
  }
  if (version > CURRENT_SCENE_VERSION) {
    throw new SceneVersionError(
      `scene version ${version} is newer than this build supports (${CURRENT_SCENE_VERSION}); update Plinth`,
    );
  }

  let doc: Json = structuredClone(json);
  for (let current = version; current < CURRENT_SCENE_VERSION; current++) {
    const step = SCENE_MIGRATIONS.find((m) => m.from === current);
    if (!step || step.to !== current + 1) {
      throw new SceneVersionError(`no migration from scene version ${current}`);
    }
    doc = step.up(doc);
  }
  return doc;
}
