"use client";
/**
 * The selection's outlines and drag handles (drei TransformControls), loaded only once something is
 * selected (./selection-layer.tsx). A drag moves the real objects live, kept on the stage at every step
 * (lib/editor/placement.ts: on the podium or floor, never into it; props may be lifted on Y, products not;
 * turns snap to 15 degrees), and reports ONE transform for the whole drag when the mouse is released.
 * With several selected, Move carries them along with the primary; Turn and Scale hold an invisible pivot at the
 * group's centre and the whole group turns or scales about it (lib/editor/group-transform.ts, as the panel does).
 */
import { TransformControls } from "@react-three/drei";
import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useMemo, useRef, useState } from "react";
import { Box3, BoxHelper, Color, Object3D, Vector3, type Camera, type PerspectiveCamera } from "three";
import type { TransformControls as TransformControlsImpl } from "three-stdlib";
import { groupCentre, rotateGroup, scaleGroup } from "@/lib/editor/group-transform";
import { clampScale, liftOf, podiumTiers, snapAngle, surfaceHeight, wrapRadians } from "@/lib/editor/placement";
import { landed, placedOf, sameRef, type ObjectRef, type ObjectTransform, type Placed } from "@/lib/editor/selection";
import type { GizmoClock, SelectionLayerProps } from "./selection-layer";

const OUTLINE = new Color("#4f46e5"); // the app's accent

const nameOf = (ref: ObjectRef) => `${ref.kind}-${ref.id}`;
/** Heading of an upright object, robust past 90 degrees (Euler angles flip there). */
const yawOf = (object: Object3D) => Math.atan2(object.quaternion.y, object.quaternion.w) * 2;
/** The handle being dragged ("X", "XZ", "Y" ...): public at runtime, private in three-stdlib's types. */
const axisOf = (controls: TransformControlsImpl | null) =>
  (controls as unknown as { axis: string | null } | null)?.axis;
const round = (v: number, digits = 4) => Number(v.toFixed(digits));

/**
 * Where the selection and its Move handle's X arrow are on the canvas (CSS px), published as the canvas's
 * data-handles attribute: end-to-end tests drag the real handle with the mouse, without guessing.
 * The gizmo's size follows three-stdlib's TransformControls (a unit is distance x 1.9 tan(fov/2) x size / 7).
 */
function handlePoints(object: Object3D, camera: Camera, width: number, height: number, size: number) {
  const toScreen = (v: Vector3) => {
    const p = v.clone().project(camera);
    return [Math.round(((p.x + 1) / 2) * width), Math.round(((1 - p.y) / 2) * height)];
  };
  const origin = object.getWorldPosition(new Vector3());
  const perspective = camera as PerspectiveCamera;
  const factor =
    origin.distanceTo(camera.getWorldPosition(new Vector3())) *
    Math.min((1.9 * Math.tan((Math.PI * perspective.fov) / 360)) / perspective.zoom, 7);
  const unit = (factor * size) / 7;
  const body = new Box3().setFromObject(object).getCenter(new Vector3());
  return { body: toScreen(body), x: toScreen(origin.clone().add(new Vector3(0.6 * unit, 0, 0))) };
}

const GIZMO_SIZE = 0.8;

type DragItem = { ref: ObjectRef; object: Object3D; start: Placed; lift: number };

export default function SelectionHandles({
  doc,
  selected,
  primary,
  mode,
  sizes,
  onTransform,
  gizmo,
}: SelectionLayerProps & { gizmo: GizmoClock }) {
  const scene = useThree((state) => state.scene);
  const camera = useThree((state) => state.camera);
  const gl = useThree((state) => state.gl);
  const invalidate = useThree((state) => state.invalidate);
  const controls = useRef<TransformControlsImpl>(null);
  const drag = useRef<DragItem[] | null>(null);

  // The selected objects in the three scene (a just-added prop appears a frame later: look again per frame).
  const key = selected.map(nameOf).join("|");
  const [objects, setObjects] = useState<Object3D[]>([]);
  useFrame(() => {
    const found = selected.map((ref) => scene.getObjectByName(nameOf(ref))).filter((o): o is Object3D => !!o);
    if (found.length !== objects.length || found.some((o, i) => o !== objects[i])) setObjects(found);
  });
  // Draw again once the objects are found, so the outlines, handles and data-handles appear without a wait.
  useEffect(() => invalidate(), [key, objects, invalidate]);
  const target = primary ? objects.find((o) => o.name === nameOf(primary)) : undefined;

  // Several selected and turning or scaling: the handles hold a pivot at the group's centre (reset between drags).
  const groupMode = selected.length > 1 && mode !== "translate";
  const pivot = useMemo(() => new Object3D(), []);
  useFrame(() => {
    if (!groupMode || drag.current) return;
    const centre = groupCentre(doc, selected);
    if (!centre) return;
    pivot.position.set(centre[0], target?.position.y ?? 0, centre[1]);
    pivot.rotation.set(0, 0, 0);
    pivot.scale.setScalar(1);
  });

  useFrame(({ size }) => {
    if (target)
      gl.domElement.dataset.handles = JSON.stringify(handlePoints(target, camera, size.width, size.height, GIZMO_SIZE));
  });
  useEffect(() => () => void delete gl.domElement.dataset.handles, [gl]);

  const outlines = useMemo(() => objects.map((object) => new BoxHelper(object, OUTLINE)), [objects]);
  useEffect(() => () => outlines.forEach((o) => o.dispose()), [outlines]);
  useFrame(() => outlines.forEach((o) => o.update()));

  const onMouseDown = () => {
    gizmo.downAt = performance.now();
    drag.current = selected.flatMap((ref) => {
      const object = scene.getObjectByName(nameOf(ref));
      const start = placedOf(doc, ref);
      return object && start ? [{ ref, object, start, lift: liftOf(doc.stage.podium, start.position) }] : [];
    });
  };

  /** A step of a group turn or scale: the pivot's snapped angle or rounded factor, applied to every object. */
  const onGroupChange = (items: DragItem[]) => {
    let changes: ObjectTransform[];
    if (mode === "rotate") {
      const angle = snapAngle(yawOf(pivot));
      pivot.rotation.set(0, angle, 0);
      changes = rotateGroup(doc, selected, angle, sizes);
    } else {
      const ratios = [pivot.scale.x, pivot.scale.y, pivot.scale.z];
      const ratio = ratios.reduce((a, b) => (Math.abs(b - 1) > Math.abs(a - 1) ? b : a), 1);
      const factor = Math.max(0.05, Math.round(ratio * 20) / 20);
      pivot.scale.setScalar(factor);
      changes = scaleGroup(doc, selected, factor, sizes);
    }
    for (const change of changes) {
      const item = items.find((i) => sameRef(i.ref, change));
      if (!item) continue;
      if (change.position) item.object.position.set(...change.position);
      if (change.rotationY !== undefined) item.object.rotation.set(0, change.rotationY, 0);
      if (change.scale !== undefined) item.object.scale.setScalar(change.scale);
    }
  };

  /** Every step of a drag: keep the primary on the stage and carry the others along. */
  const onObjectChange = () => {
    const items = drag.current;
    if (items && groupMode) return onGroupChange(items);
    const lead = items?.find((i) => primary && sameRef(i.ref, primary));
    if (!items || !lead || !primary) return;
    const { object } = lead;
    if (mode === "rotate") {
      object.rotation.set(0, snapAngle(yawOf(object)), 0);
      return;
    }
    let scale = lead.start.scale;
    if (mode === "scale") {
      const ratios = [object.scale.x, object.scale.y, object.scale.z].map((s) => s / lead.start.scale);
      const ratio = ratios.reduce((a, b) => (Math.abs(b - 1) > Math.abs(a - 1) ? b : a), 1);
      scale = clampScale(primary.kind, Math.round(lead.start.scale * ratio * 20) / 20 || 0.05);
      object.scale.setScalar(scale);
    }
    let lift = lead.lift;
    if (mode === "translate" && primary.kind === "prop" && axisOf(controls.current)?.includes("Y")) {
      lift = Math.max(
        0,
        object.position.y - surfaceHeight(podiumTiers(doc.stage.podium), object.position.x, object.position.z),
      );
    }
    const x = mode === "translate" ? object.position.x : lead.start.position[0];
    const z = mode === "translate" ? object.position.z : lead.start.position[2];
    const position = landed(doc, primary, x, z, { scale, lift, sizes });
    object.position.set(...position);
    if (mode !== "translate") return;
    const dx = position[0] - lead.start.position[0];
    const dz = position[2] - lead.start.position[2];
    for (const item of items) {
      if (item === lead) continue;
      const [ix, , iz] = item.start.position;
      item.object.position.set(
        ...landed(doc, item.ref, ix + dx, iz + dz, { scale: item.start.scale, lift: item.lift, sizes }),
      );
    }
  };

  const onMouseUp = () => {
    const items = drag.current;
    drag.current = null;
    if (!items) return;
    const changes: ObjectTransform[] = items.map(({ ref, object }) => ({
      ...ref,
      position: [round(object.position.x), round(object.position.y), round(object.position.z)],
      rotationY: round(wrapRadians(yawOf(object)), 6),
      scale: round(object.scale.x, 3),
    }));
    const moved = changes.some((c, i) => {
      const s = items[i].start;
      return (
        c.position!.some((v, axis) => Math.abs(v - s.position[axis]) > 1e-4) ||
        Math.abs(c.rotationY! - s.rotationY) > 1e-5 ||
        Math.abs(c.scale! - s.scale) > 1e-4
      );
    });
    if (moved) onTransform(changes);
  };

  return (
    <>
      {outlines.map((outline) => (
        <primitive key={outline.uuid} object={outline} />
      ))}
      {groupMode && <primitive object={pivot} />}
      {target && (
        <TransformControls
          ref={controls}
          object={groupMode ? pivot : target}
          mode={mode}
          space="world"
          size={GIZMO_SIZE}
          showX={mode !== "rotate"}
          showZ={mode !== "rotate"}
          showY={mode !== "translate" || primary?.kind === "prop"}
          rotationSnap={Math.PI / 12}
          onMouseDown={onMouseDown}
          onObjectChange={onObjectChange}
          onMouseUp={onMouseUp}
        />
      )}
    </>
  );
}
