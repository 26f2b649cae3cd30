/** Public API of the scene document contract. */
export * from "./schema";
export * from "./errors";
export { SCENE_MIGRATIONS, migrateScene, type SceneMigration } from "./migrations";
export { parseScene, safeParseScene, type SafeParseSceneResult } from "./parse";
export {
  createDefaultScene,
  podiumForProduct,
  seedFromString,
  DEFAULT_PODIUM,
  type CreateDefaultSceneOptions,
} from "./defaults";
export {
  CAMERA_PRESETS,
  LIGHT_RIG_PRESETS,
  OUTPUT_PRESETS,
  DEFAULT_OUTPUT_RATIOS,
  lightsForPreset,
  type CameraPreset,
  type OutputRatio,
} from "./presets";
export {
  frameProduct,
  frameCamera,
  projectToNdc,
  verticalFovFromFocalLength,
  orbitDirection,
  boundsCenter,
  boundsCorners,
  SENSOR_HEIGHT_MM,
  DEFAULT_MARGIN,
  type Bounds,
  type FrameProductInput,
  type Framing,
  type ViewSpec,
} from "./framing";
export { groundedBounds, groundingOffset, placeBounds, unionBounds } from "./bounds";
export {
  ARRANGE_LABELS,
  ARRANGE_PRESETS,
  arrangeItems,
  arrangeProducts,
  bundleGap,
  localBoundsOfSize,
  podiumToHold,
  type Arrangement,
  type ArrangeItem,
  type ArrangePreset,
} from "./arrange";
export {
  motionFrame,
  motionFrameCount,
  motionProgress,
  posePoint,
  spinPoint,
  moveCurves,
  MOVE_LABELS,
  type MotionFrame,
  type MoveCurves,
  type ProductPose,
  type StageSpin,
} from "./motion";
export { applyFinishBottomUp, finishHasEffect, finishParams, type FinishParams } from "./look-finish";
