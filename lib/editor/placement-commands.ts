/**
 * Editor commands for direct manipulation and the prop library (pure `(doc, args) => doc`, spread into
 * `commands` in ./commands.ts). A handle drag or an align moves several objects in ONE command, so it is
 * one undo step and one autosave.
 */
import type { PropSpec, SceneDocument, Vec3 } from "../scene";
// A cycle (commands.ts spreads these in), safe: CommandError is only used when a command runs.
import { CommandError } from "./commands";

/** What the viewport can select: a product slot or a prop, by id. */
export type ObjectRef = { kind: "product" | "prop"; id: string };

export type ObjectTransform = ObjectRef & { position?: Vec3; rotationY?: number; scale?: number };

export type PropStyle = Partial<Pick<PropSpec, "color" | "roughness" | "metalness" | "surface">>;

function transformed<T extends { id: string; position: Vec3; rotationY: number; scale: number }>(
  item: T,
  change: ObjectTransform,
): T {
  return {
    ...item,
    position: change.position ? ([change.position[0], change.position[1], change.position[2]] as Vec3) : item.position,
    rotationY: change.rotationY ?? item.rotationY,
    scale: change.scale ?? item.scale,
  };
}

function assertAll(doc: SceneDocument, refs: readonly ObjectRef[]) {
  for (const ref of refs) {
    const list: readonly { id: string }[] = ref.kind === "product" ? doc.products : doc.stage.props;
    if (!list.some((item) => item.id === ref.id)) throw new CommandError(`no ${ref.kind} with id "${ref.id}"`);
  }
}

export const placementCommands = {
  /** Moves, turns and/or scales any number of products and props at once. */
  setObjectTransforms(doc: SceneDocument, args: { items: ObjectTransform[] }): SceneDocument {
    assertAll(doc, args.items);
    const change = (kind: ObjectRef["kind"], id: string) =>
      args.items.find((item) => item.kind === kind && item.id === id);
    const products = args.items.some((i) => i.kind === "product")
      ? doc.products.map((p) => {
          const c = change("product", p.id);
          return c ? transformed(p, c) : p;
        })
      : doc.products;
    const props = args.items.some((i) => i.kind === "prop")
      ? doc.stage.props.map((p) => {
          const c = change("prop", p.id);
          return c ? transformed(p, c) : p;
        })
      : doc.stage.props;
    return { ...doc, products, stage: props === doc.stage.props ? doc.stage : { ...doc.stage, props } };
  },

  /** Recolours (or re-finishes) one prop. */
  setPropStyle(doc: SceneDocument, args: { id: string; style: PropStyle }): SceneDocument {
    assertAll(doc, [{ kind: "prop", id: args.id }]);
    const style = Object.fromEntries(Object.entries(args.style).filter(([, v]) => v !== undefined));
    const props = doc.stage.props.map((p) => (p.id === args.id ? { ...p, ...style } : p));
    return { ...doc, stage: { ...doc.stage, props } };
  },

  /** Adds a set piece (one or more props) as one step; ids are the first free "prop-N". */
  addProps(doc: SceneDocument, args: { props: NewProp[] }): SceneDocument {
    const taken = new Set(doc.stage.props.map((prop) => prop.id));
    const added: PropSpec[] = args.props.map((prop) => {
      let n = 1;
      while (taken.has(`prop-${n}`)) n++;
      taken.add(`prop-${n}`);
      const position: PropSpec["position"] = [prop.position[0], prop.position[1], prop.position[2]];
      return { ...prop, surface: prop.surface ?? "plain", id: `prop-${n}`, position };
    });
    return { ...doc, stage: { ...doc.stage, props: [...doc.stage.props, ...added] } };
  },
} satisfies Record<string, (doc: SceneDocument, args: never) => SceneDocument>;

/** A prop to add: its finish may be left out ("plain"). */
export type NewProp = Omit<PropSpec, "id" | "surface"> & Partial<Pick<PropSpec, "surface">>;

/** The ids addProps will give `count` new props (so the editor can select what it just added). */
export function nextPropIds(doc: SceneDocument, count: number): string[] {
  const taken = new Set(doc.stage.props.map((prop) => prop.id));
  const ids: string[] = [];
  for (let n = 1; ids.length < count; n++) if (!taken.has(`prop-${n}`)) ids.push(`prop-${n}`);
  return ids;
}
