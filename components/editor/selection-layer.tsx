"use client";
/**
 * Inside the editor's canvas: picks a product or prop under a click (Shift adds or removes; a click on
 * nothing clears) and, only while something is selected, loads the handles (./selection-handles.tsx:
 * transform controls and outlines), so the editor's first load carries none of that code.
 */
import { useThree } from "@react-three/fiber";
import { Suspense, lazy, useEffect, useRef } from "react";
import { Raycaster, Vector2, type Object3D } from "three";
import type { SceneDocument } from "@/lib/scene";
import type { ObjectRef, ObjectTransform, ProductSizes } from "@/lib/editor/selection";
import type { TransformMode } from "@/lib/editor/use-selection";

const SelectionHandles = lazy(() => import("./selection-handles"));

/** The handles' last pointer-down, so a click on a handle never counts as picking. */
export type GizmoClock = { downAt: number };

export type SelectionLayerProps = {
  doc: SceneDocument;
  selected: readonly ObjectRef[];
  primary: ObjectRef | null;
  mode: TransformMode;
  sizes: ProductSizes;
  onPick: (ref: ObjectRef | null, additive: boolean) => void;
  /** One call per finished drag: every selected object's new transform (one undo step). */
  onTransform: (items: ObjectTransform[]) => void;
};

/** A click moves less than this many pixels and lasts under half a second; anything else is an orbit. */
const CLICK_PX = 5;
const CLICK_MS = 500;

/** The selectable object a mesh belongs to: a direct child of the "props" or "products" group. */
export function refOf(hit: Object3D): ObjectRef | null {
  for (let node: Object3D | null = hit; node?.parent; node = node.parent) {
    if (node.parent.name === "props" && node.name.startsWith("prop-")) return { kind: "prop", id: node.name.slice(5) };
    if (node.parent.name === "products" && node.name.startsWith("product-"))
      return { kind: "product", id: node.name.slice(8) };
  }
  return null;
}

export function SelectionLayer(props: SelectionLayerProps) {
  const { onPick } = props;
  const gl = useThree((state) => state.gl);
  const camera = useThree((state) => state.camera);
  const scene = useThree((state) => state.scene);
  const gizmo = useRef<GizmoClock>({ downAt: -Infinity });

  useEffect(() => {
    const element = gl.domElement;
    let down: { x: number; y: number; at: number } | null = null;
    const onDown = (event: PointerEvent) => {
      if (event.button === 0) down = { x: event.clientX, y: event.clientY, at: performance.now() };
    };
    const onUp = (event: PointerEvent) => {
      const start = down;
      down = null;
      if (!start || event.button !== 0) return;
      if (Math.hypot(event.clientX - start.x, event.clientY - start.y) > CLICK_PX) return;
      if (performance.now() - start.at > CLICK_MS) return;
      if (gizmo.current.downAt >= start.at - 50) return; // the press was on a handle
      const rect = element.getBoundingClientRect();
      const ndc = new Vector2(
        ((event.clientX - rect.left) / rect.width) * 2 - 1,
        -((event.clientY - rect.top) / rect.height) * 2 + 1,
      );
      const raycaster = new Raycaster();
      raycaster.setFromCamera(ndc, camera);
      const targets = ["products", "props"].flatMap((name) => scene.getObjectByName(name) ?? []);
      const hit = raycaster.intersectObjects(targets, true).find((h) => refOf(h.object));
      onPick(hit ? refOf(hit.object) : null, event.shiftKey);
    };
    element.addEventListener("pointerdown", onDown);
    element.addEventListener("pointerup", onUp);
    return () => {
      element.removeEventListener("pointerdown", onDown);
      element.removeEventListener("pointerup", onUp);
    };
  }, [gl, camera, scene, onPick]);

  if (props.selected.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <SelectionHandles {...props} gizmo={gizmo.current} />
    </Suspense>
  );
}
