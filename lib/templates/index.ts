/** Templates: instantiate for a product, tint with a brand palette, on-brand variations (all pure). */
export {
  instantiateTemplate,
  fitCameraToStage,
  stageUnit,
  type InstantiateOptions,
  type ProductSize,
} from "./instantiate";
export {
  tintDocument,
  tintSlotColour,
  paletteRoles,
  inferTintSlots,
  PALETTE_ROTATIONS,
  type BrandPalette,
} from "./tint";
export {
  generateVariations,
  DEFAULT_VARIATION_COUNT,
  VARIATION_ANGLES,
  VARIATION_RIGS,
  type Variation,
  type VariationOptions,
} from "./variations";
export { sortForYou, type ForYouSignals } from "./for-you";
