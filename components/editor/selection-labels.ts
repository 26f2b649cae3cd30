import type { ObjectRef } from "@/lib/editor/selection";
import type { SceneDocument } from "@/lib/scene";
import { titleCase, type EditorProduct } from "./editor-context";

/** What the user calls an object: the product's name, or the prop's shape and number ("Sphere 2"). */
export function objectLabel(doc: SceneDocument, ref: ObjectRef, products: Record<string, EditorProduct>): string {
  if (ref.kind === "product") {
    const index = doc.products.findIndex((p) => p.id === ref.id);
    const product = doc.products[index];
    const name = product ? products[product.productId]?.name : undefined;
    return name ?? `Product ${index + 1}`;
  }
  const index = doc.stage.props.findIndex((p) => p.id === ref.id);
  const prop = doc.stage.props[index];
  return prop ? `${titleCase(prop.kind)} ${index + 1}` : "Prop";
}

/** Every selectable object, products first. */
export function allObjects(doc: SceneDocument): ObjectRef[] {
  return [
    ...doc.products.map((p) => ({ kind: "product" as const, id: p.id })),
    ...doc.stage.props.map((p) => ({ kind: "prop" as const, id: p.id })),
  ];
}
