/**
 * Editor commands for brand overlays (issue 19), merged into `commands` (./commands.ts) so they go through
 * applyCommand: validated, undoable, autosaved like every other edit. Pure; copy only what they change.
 */
import type { Overlay, OverlayPlacement, SceneDocument } from "../scene";
import { CommandError } from "./command-error";

type TextFields = { text?: string; fontId?: string; color?: string };
type NewOverlay =
  { kind: "logo"; assetId: string } | ({ kind: "text"; role: "headline" | "price" | "cta" } & TextFields);

const DEFAULT_TEXT = { headline: "New season", price: "$49", cta: "Shop now" } as const;
const DEFAULT_SIZE = { logo: 0.14, headline: 0.08, price: 0.06, cta: 0.05 } as const;

function overlayIndex(doc: SceneDocument, id: string): number {
  const index = doc.overlays.findIndex((o) => o.id === id);
  if (index < 0) throw new CommandError(`no overlay with id "${id}"`);
  return index;
}

function freshId(doc: SceneDocument, base: string): string {
  const taken = new Set(doc.overlays.map((o) => o.id));
  for (let n = 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const withOverlay = (doc: SceneDocument, index: number, overlay: Overlay): SceneDocument => ({
  ...doc,
  overlays: doc.overlays.map((o, i) => (i === index ? overlay : o)),
});

export const overlayCommands = {
  /** A logo goes top-left, text lines bottom-left, everywhere ("default"); per-ratio placements come later. */
  addOverlay(doc: SceneDocument, args: { overlay: NewOverlay }): SceneDocument {
    const { overlay } = args;
    if (overlay.kind === "logo") {
      const placement: OverlayPlacement = { anchor: "top-left", size: DEFAULT_SIZE.logo, visible: true };
      const logo: Overlay = {
        id: freshId(doc, "logo"),
        kind: "logo",
        assetId: overlay.assetId,
        placements: { default: placement },
      };
      return { ...doc, overlays: [...doc.overlays, logo] };
    }
    const text: Overlay = {
      id: freshId(doc, overlay.role),
      kind: "text",
      role: overlay.role,
      text: overlay.text ?? DEFAULT_TEXT[overlay.role],
      fontId: (overlay.fontId ?? "inter") as Extract<Overlay, { kind: "text" }>["fontId"],
      // Near-black reads on the light studio backdrops most scenes start from; the colour field changes it.
      color: overlay.color ?? "#111827",
      placements: {
        default: {
          anchor: overlay.role === "cta" ? "bottom-right" : "bottom-left",
          size: DEFAULT_SIZE[overlay.role],
          visible: true,
        },
      },
    };
    return { ...doc, overlays: [...doc.overlays, text] };
  },

  removeOverlay(doc: SceneDocument, args: { id: string }): SceneDocument {
    overlayIndex(doc, args.id);
    return { ...doc, overlays: doc.overlays.filter((o) => o.id !== args.id) };
  },

  /** Text, font or colour of a text line. */
  setOverlayText(doc: SceneDocument, args: { id: string } & TextFields): SceneDocument {
    const index = overlayIndex(doc, args.id);
    const overlay = doc.overlays[index];
    if (overlay.kind !== "text") throw new CommandError(`overlay "${args.id}" is not a text line`);
    const { id: _id, ...patch } = args;
    const next = { ...overlay, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    return withOverlay(doc, index, next as Overlay);
  },

  /**
   * Where an overlay sits in one output (`outputId`), or in all outputs without their own ("default"). The first
   * change for an output starts from the placement it showed until then, so nothing jumps.
   */
  setOverlayPlacement(
    doc: SceneDocument,
    args: { id: string; outputId: string; placement: Partial<OverlayPlacement> },
  ): SceneDocument {
    const index = overlayIndex(doc, args.id);
    const overlay = doc.overlays[index];
    const current = overlay.placements[args.outputId] ?? overlay.placements.default;
    const placements = { ...overlay.placements, [args.outputId]: { ...current, ...args.placement } };
    return withOverlay(doc, index, { ...overlay, placements });
  },

  /** Drops an output's own placement: it follows "default" again. */
  resetOverlayPlacement(doc: SceneDocument, args: { id: string; outputId: string }): SceneDocument {
    if (args.outputId === "default") throw new CommandError("the default placement cannot be removed");
    const index = overlayIndex(doc, args.id);
    const overlay = doc.overlays[index];
    const { [args.outputId]: _dropped, ...placements } = overlay.placements;
    return withOverlay(doc, index, { ...overlay, placements: placements as Overlay["placements"] });
  },
} satisfies Record<string, (doc: SceneDocument, args: never) => SceneDocument>;
