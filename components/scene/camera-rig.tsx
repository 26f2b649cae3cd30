"use client";
/**
 * Puts the camera where lib/scene's framing says, for the frame aspect, and
 * (interactive) lets the user orbit/zoom/pan, reporting the result when a
 * gesture ends. The vertical FOV comes straight from the framing (sensor
 * height based); when the canvas is narrower than the frame, the FOV widens
 * so the whole frame stays visible (letterboxed), never cropped.
 */
import { OrbitControls } from "@react-three/drei";
import { useThree } from "@react-three/fiber";
import { useCallback, useLayoutEffect, useMemo, useRef } from "react";
import type { PerspectiveCamera } from "three";
import type { OrbitControls as OrbitControlsImpl } from "three-stdlib";
import {
  frameCamera,
  motionFrame,
  type Bounds,
  type CameraState,
  type Framing,
  type MotionSpec,
  type Vec3,
} from "@/lib/scene";
import type { ViewOffset } from "./view-offset";

export type CameraChange = { azimuth: number; elevation: number; distance: number; target: [number, number, number] };

const RAD = 180 / Math.PI;
const round = (value: number, digits = 5) => Number(value.toFixed(digits));

/**
 * The aspect the camera frames (the output's, else the canvas's) and the canvas's own. A tile sees the full
 * frame's projection through a window: the full frame is what the camera frames.
 */
export function frameAspects(width: number, height: number, frameAspect?: number, viewOffset?: ViewOffset) {
  const canvasAspect = viewOffset
    ? viewOffset.fullWidth / viewOffset.fullHeight
    : width > 0 && height > 0
      ? width / height
      : 1;
  return { canvasAspect, aspect: frameAspect && frameAspect > 0 ? frameAspect : canvasAspect };
}

export function CameraRig({
  camera: cameraState,
  composed,
  motion,
  bounds,
  frameAspect,
  viewOffset,
  interactive,
  onCameraChange,
}: {
  camera: CameraState;
  /** The still's camera as lib/scene/composition.ts composed it for this aspect (props and tall-frame rules). */
  composed?: Framing;
  /** A video frame: the move's view at this time, reframed for the aspect (lib/scene/motion.ts). */
  motion?: { spec: MotionSpec; time: number };
  bounds: Bounds;
  frameAspect?: number;
  /** Draw only this window of the full frame (a tile of a very large output). */
  viewOffset?: ViewOffset;
  interactive?: boolean;
  onCameraChange?: (camera: CameraChange) => void;
}) {
  const camera = useThree((state) => state.camera) as PerspectiveCamera;
  const invalidate = useThree((state) => state.invalidate);
  const width = useThree((state) => state.size.width);
  const height = useThree((state) => state.size.height);
  const controls = useRef<OrbitControlsImpl>(null);

  const { canvasAspect, aspect } = frameAspects(width, height, frameAspect, viewOffset);
  const offsetKey = viewOffset ? JSON.stringify(viewOffset) : null;
  const cameraKey = JSON.stringify(cameraState);
  const boundsKey = JSON.stringify(bounds);
  const motionKey = motion ? JSON.stringify(motion) : null;
  const composedKey = composed ? JSON.stringify(composed) : null;
  const framing = useMemo(
    () =>
      motion
        ? motionFrame(motion.spec, cameraState, bounds, aspect, motion.time).view
        : (composed ?? frameCamera(cameraState, bounds, aspect)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by value: a new document object with the same camera must not reset the view
    [cameraKey, boundsKey, aspect, motionKey, composedKey],
  );

  useLayoutEffect(() => {
    let fov = framing.verticalFovDeg;
    if (canvasAspect < aspect) {
      fov = 2 * Math.atan((Math.tan(fov / 2 / RAD) * aspect) / canvasAspect) * RAD;
    }
    camera.fov = fov;
    camera.aspect = canvasAspect;
    // Interactive zoom can come much closer than the fit: keep a generous near plane.
    camera.near = interactive ? Math.min(framing.near, framing.distance * 0.02) : framing.near;
    camera.far = Math.max(framing.far, 60);
    camera.up.set(0, 1, 0);
    camera.position.set(...framing.position);
    camera.lookAt(...framing.target);
    if (viewOffset)
      camera.setViewOffset(
        viewOffset.fullWidth,
        viewOffset.fullHeight,
        viewOffset.x,
        viewOffset.y,
        viewOffset.width,
        viewOffset.height,
      );
    else camera.clearViewOffset();
    camera.updateProjectionMatrix();
    const orbit = controls.current;
    if (orbit) {
      orbit.target.set(...framing.target);
      orbit.update();
    }
    invalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- viewOffset is keyed by value (offsetKey)
  }, [camera, framing, canvasAspect, aspect, interactive, invalidate, offsetKey, width, height]);

  // A press that did not move the camera (a click that selects an object, a drag on the editor's handles,
  // which disable orbiting once they take the pointer) is not a camera change: no undo step, framing stays auto.
  const startPose = useRef<string | null>(null);
  const pose = useCallback(() => {
    const orbit = controls.current;
    return orbit ? [...camera.position.toArray(), ...orbit.target.toArray()].map((v) => v.toFixed(6)).join() : null;
  }, [camera]);
  const handleStart = useCallback(() => {
    startPose.current = pose();
  }, [pose]);

  const handleEnd = useCallback(() => {
    const orbit = controls.current;
    if (!orbit || !onCameraChange) return;
    if (startPose.current !== null && startPose.current === pose()) return;
    const target = orbit.target;
    const offset = camera.position.clone().sub(target);
    const distance = offset.length();
    if (!(distance > 0)) return;
    const elevation = Math.asin(Math.max(-1, Math.min(1, offset.y / distance))) * RAD;
    const azimuth = Math.atan2(offset.x, offset.z) * RAD;
    onCameraChange({
      azimuth: round(azimuth, 3),
      elevation: round(elevation, 3),
      distance: round(distance),
      target: [round(target.x), round(target.y), round(target.z)] as Vec3,
    });
  }, [camera, onCameraChange, pose]);

  if (!interactive) return null;
  const radius =
    Math.hypot(bounds.max[0] - bounds.min[0], bounds.max[1] - bounds.min[1], bounds.max[2] - bounds.min[2]) / 2;
  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enableDamping={false}
      target={framing.target}
      // Document limits: elevation -10..89 degrees.
      minPolarAngle={1 / RAD}
      maxPolarAngle={100 / RAD}
      minDistance={Math.max(0.01, radius * 0.3)}
      maxDistance={Math.min(100, Math.max(2, radius * 40))}
      onStart={handleStart}
      onEnd={handleEnd}
    />
  );
}
