/**
 * The prop library: the plain shapes of PROP_KINDS and the set pieces the template generator styles its
 * scenes with (scripts/templates/generate.ts), plus where a new prop goes. Pure data and math.
 */
import { PROP_KINDS, type PodiumSpec, type PropSpec, type Vec3 } from "../scene";
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

/** Set pieces as the templates use them: a finish and a size, recoloured from the brand palette afterwards. */
export const SET_PIECES: LibraryItem[] = [
  {
    id: "brass-ring",
    label: "Brass ring",
    description: "A polished metal ring lying flat",
    props: [
      { kind: "torus", offset: [0, 0, 0], rotationY: 0, scale: 0.7, color: "#c9a227", roughness: 0.18, metalness: 1 },
    ],
  },
  {
    id: "gold-bead",
    label: "Gold bead",
    description: "A small metal sphere",
    props: [
      { kind: "sphere", offset: [0, 0, 0], rotationY: 0, scale: 0.35, color: "#d4af6a", roughness: 0.2, metalness: 1 },
    ],
  },
  {
    id: "stone-column",
    label: "Stone column",
    description: "A tall glossy cylinder",
    props: [
      {
        kind: "cylinder",
        offset: [0, 0, 0],
        rotationY: 0,
        scale: 1.2,
        color: "#d9d4cc",
        roughness: 0.12,
        metalness: 0,
      },
    ],
  },
  {
    id: "column-and-ball",
    label: "Column and ball",
    description: "A low column with a sphere resting on top",
    props: [
      { kind: "cylinder", offset: [0, 0, 0], rotationY: 0, scale: 0.8, color: "#cfc8be", roughness: 0.8, metalness: 0 },
      {
        kind: "sphere",
        offset: [0, 0.08, 0],
        rotationY: 0,
        scale: 0.5,
        color: "#e8e1d8",
        roughness: 0.6,
        metalness: 0,
      },
    ],
  },
  {
    id: "leaf-pair",
    label: "Leaves",
    description: "Two leaves lying on the floor",
    props: [
      { kind: "leaf", offset: [0, 0, 0], rotationY: 0.9, scale: 1.4, color: "#6f8f6a", roughness: 0.55, metalness: 0 },
      {
        kind: "leaf",
        offset: [0.04, 0, 0.05],
        rotationY: 2.4,
        scale: 1.2,
        color: "#7d9c74",
        roughness: 0.55,
        metalness: 0,
      },
    ],
  },
  {
    id: "pebbles",
    label: "River pebbles",
    description: "Two smooth stones",
    props: [
      { kind: "pebble", offset: [0, 0, 0], rotationY: 0, scale: 0.7, color: "#b9b3a7", roughness: 0.9, metalness: 0 },
      {
        kind: "pebble",
        offset: [0.06, 0, 0.04],
        rotationY: 1.1,
        scale: 0.45,
        color: "#8f8a80",
        roughness: 0.9,
        metalness: 0,
      },
    ],
  },
  {
    id: "arch-backdrop",
    label: "Arch",
    description: "A tall arch to stand behind the product",
    props: [
      { kind: "arch", offset: [0, 0, 0], rotationY: 0, scale: 2, color: "#e6ddd2", roughness: 0.8, metalness: 0 },
    ],
  },
];

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
