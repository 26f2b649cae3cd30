/**
 * The prop library: the plain shapes of PROP_KINDS and the set pieces the template generator styles its
 * scenes with (scripts/templates/generate.ts), plus where a new prop goes. Pure data and math.
 */
import { PROP_KINDS, type PodiumSpec, type PropSpec, type SurfaceFinish, type Vec3 } from "../scene";
import type { NewProp } from "./placement-commands";
import { placeOnStage, propRadius } from "./placement";

export const MAX_PROPS = 12;

/** One prop of a library item; `offset` is from the item's anchor (stage units: metres). */
type PieceProp = Omit<NewProp, "position"> & { offset: Vec3 };

export type LibraryItem = { id: string; label: string; description: string; props: PieceProp[] };

const titleCase = (id: string) => id.replace(/^./, (c) => c.toUpperCase());

const shape = (kind: PropSpec["kind"]): LibraryItem => ({
  id: kind,
  label: titleCase(kind),
  description: `A plain ${kind}`,
  props: [{ kind, offset: [0, 0, 0], rotationY: 0, scale: 0.45, color: "#cfc8be", roughness: 0.6, metalness: 0 }],
});

/** One prop of a set piece: kind, offset, turn, scale, colour, roughness, metalness and (optional) finish. */
type PieceRow = [
  kind: PropSpec["kind"],
  offset: Vec3,
  rotationY: number,
  scale: number,
  color: string,
  roughness: number,
  metalness: number,
  surface?: SurfaceFinish,
];

/** Set pieces as the templates use them: a finish and a size, recoloured from the brand palette afterwards. */
const PIECES: [id: string, label: string, description: string, props: PieceRow[]][] = [
  ["brass-ring", "Brass ring", "A polished metal ring lying flat", [["torus", [0, 0, 0], 0, 0.7, "#c9a227", 0.18, 1]]],
  ["gold-bead", "Gold bead", "A small metal sphere", [["sphere", [0, 0, 0], 0, 0.35, "#d4af6a", 0.2, 1]]],
  [
    "stone-column",
    "Stone column",
    "A tall polished marble cylinder",
    [["cylinder", [0, 0, 0], 0, 1.2, "#d9d4cc", 0.12, 0, "marble"]],
  ],
  [
    "column-and-ball",
    "Column and ball",
    "A low column with a sphere resting on top",
    [
      ["cylinder", [0, 0, 0], 0, 0.8, "#cfc8be", 0.8, 0, "travertine"],
      ["sphere", [0, 0.08, 0], 0, 0.5, "#e8e1d8", 0.6, 0],
    ],
  ],
  [
    "leaf-pair",
    "Leaves",
    "Two leaves lying on the floor",
    [
      ["leaf", [0, 0, 0], 0.9, 1.4, "#6f8f6a", 0.55, 0],
      ["leaf", [0.04, 0, 0.05], 2.4, 1.2, "#7d9c74", 0.55, 0],
    ],
  ],
  [
    "pebbles",
    "River pebbles",
    "Two smooth stones",
    [
      ["pebble", [0, 0, 0], 0, 0.7, "#b9b3a7", 0.9, 0],
      ["pebble", [0.06, 0, 0.04], 1.1, 0.45, "#8f8a80", 0.9, 0],
    ],
  ],
  ["arch-backdrop", "Arch", "A tall arch to stand behind the product", [["arch", [0, 0, 0], 0, 2, "#e6ddd2", 0.8, 0]]],
  [
    "ceramic-vase",
    "Ceramic vase",
    "A glazed vase with a narrow neck",
    [["vase", [0, 0, 0], 0, 1.1, "#e9e4dc", 0.3, 0]],
  ],
  ["terrazzo-bowl", "Terrazzo bowl", "A shallow bowl", [["bowl", [0, 0, 0], 0, 1, "#e8ddd0", 0.4, 0, "terrazzo"]]],
  [
    "rough-stones",
    "Rough stones",
    "A large and a small cleaved stone",
    [
      ["stone", [0, 0, 0], 0, 0.8, "#a39d93", 0.85, 0, "concrete"],
      ["stone", [0.07, 0, 0.03], 1.7, 0.45, "#c2bcb2", 0.85, 0, "travertine"],
    ],
  ],
  ["olive-branch", "Branch", "A leafy branch lying on the floor", [["branch", [0, 0, 0], 0.6, 1.2, "#6b7a3a", 0.6, 0]]],
  ["linen-drape", "Linen cloth", "A draped linen cloth", [["fabric", [0, 0, 0], 0.3, 1.4, "#e7e0d4", 0.9, 0, "linen"]]],
  [
    "marble-block",
    "Marble block",
    "A bevelled marble block",
    [["block", [0, 0, 0], 0.4, 0.9, "#ece8e2", 0.15, 0, "marble"]],
  ],
  ["oak-block", "Oak block", "A bevelled oak block", [["block", [0, 0, 0], -0.3, 0.8, "#b98a5e", 0.55, 0, "oak"]]],
];

export const SET_PIECES: LibraryItem[] = PIECES.map(([id, label, description, rows]) => ({
  id,
  label,
  description,
  props: rows.map(([kind, offset, rotationY, scale, color, roughness, metalness, surface]) => ({
    kind,
    offset,
    rotationY,
    scale,
    color,
    roughness,
    metalness,
    ...(surface ? { surface } : {}),
  })),
}));

export const SHAPES: LibraryItem[] = PROP_KINDS.map(shape);

export function libraryItem(id: string): LibraryItem | undefined {
  return [...SHAPES, ...SET_PIECES].find((item) => item.id === id);
}

/** A circle on the ground already taken (products, props). */
export type Footprint = { x: number; z: number; radius: number };

/**
 * Where a new item goes: beside the products as the camera sees them (a little behind, where the frame has
 * room), alternating right and left and further out each ring, at the first spot whose footprint overlaps
 * nothing; then placed on the stage (./placement.ts). `viewAzimuthDeg` is the camera's azimuth.
 */
export function placeLibraryItem(
  item: LibraryItem,
  taken: readonly Footprint[],
  podium: PodiumSpec | null,
  centre: { x: number; z: number; radius: number },
  viewAzimuthDeg = 0,
): NewProp[] {
  const radius = Math.max(...item.props.map((p) => propRadius(p.scale) + Math.hypot(p.offset[0], p.offset[2])));
  const free = (x: number, z: number) => taken.every((t) => Math.hypot(t.x - x, t.z - z) >= t.radius + radius + 0.005);
  let anchor: [number, number] = [centre.x + centre.radius + radius + 0.01, centre.z];
  search: for (let ring = 0; ring < 6; ring++) {
    const distance = centre.radius + radius + 0.01 + ring * radius * 1.5;
    // Angles from the camera's side of the stage, alternating: beside and a little behind, then further round.
    for (const offset of [100, -100, 125, -125, 75, -75, 150, -150]) {
      const deg = viewAzimuthDeg + offset;
      const x = centre.x + Math.sin((deg * Math.PI) / 180) * distance;
      const z = centre.z + Math.cos((deg * Math.PI) / 180) * distance;
      if (free(x, z)) {
        anchor = [x, z];
        break search;
      }
    }
  }
  const base = placeOnStage(podium, [anchor[0], 0, anchor[1]], radius);
  return item.props.map(({ offset, ...prop }) => {
    const [x, , z] = placeOnStage(podium, [base[0] + offset[0], 0, base[2] + offset[2]], propRadius(prop.scale));
    // A stacked piece keeps its height above the first one's surface.
    return { ...prop, position: [x, Math.round((base[1] + offset[1]) * 1000) / 1000, z] as Vec3 };
  });
}
