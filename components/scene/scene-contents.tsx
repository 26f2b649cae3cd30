"use client";
/**
 * Everything inside the <Canvas>: one Suspense boundary around all assets, so
 * the ready signal fires only when the whole document is drawn. The document
 * is deferred: while a changed document's new assets load, the previous one
 * stays on screen (no blank flash in the editor).
 */
import { useThree } from "@react-three/fiber";
import { motionFrame, type MotionSpec, type ProductPose, type ToneMappingSpec } from "@/lib/scene";
import { lazy, Suspense, useCallback, useDeferredValue, useLayoutEffect, useMemo, useState } from "react";
import type { Product } from "@/lib/products/product-types";
import { lookHasEffects, type Bounds, type SceneDocument } from "@/lib/scene";
import { composeShot, propsInShot, stageFramingBounds } from "@/lib/scene/composition";
import { Background } from "./background";
import { CameraRig, frameAspects, type CameraChange } from "./camera-rig";
import { EnvironmentLighting, preloadEnvironmentMap } from "./environment";
import { Lights } from "./lights";
import { preloadModel, readModel } from "./model-loader";
import { loadRectAreaLtc } from "./rect-area-ltc";
import { Products, productGroupBounds, type LoadedProduct } from "./products";
import type { ViewOffset } from "./view-offset";
import { ReadySignal } from "./ready-signal";
import { ShadowMapUpdates } from "./shadow-map-updates";
import { RendererSettings } from "./renderer-settings";
import { SHADOW_LAYER, Shadows } from "./shadows";
import { Floor } from "./stage/floor";
import { Podium } from "./stage/podium";
import { Props } from "./stage/props";
import { StageSpinGroup } from "./stage-spin";

/** AO, depth of field and finishing: its own chunk (N8AO is large), loaded only by documents whose look needs it. */
let lookChunk: Promise<typeof import("./look/look-effects")> | null = null;
const loadLookEffects = () => (lookChunk ??= import("./look/look-effects"));
const LookEffects = lazy(loadLookEffects);

/** What the scene needs of a product: its model (a part of the one product type). */
export type ProductAsset = Pick<Product, "url">;
export type Quality = "draft" | "final";

/** What one frame depends on; `renderKey` identifies it for the ready signal. */
export interface SceneInput {
  document: SceneDocument;
  products: Record<string, ProductAsset>;
  renderKey: string;
  /** Seconds into the document's motion; undefined: the still scene. */
  time?: number;
}

export interface SceneContentsProps {
  input: SceneInput;
  quality: Quality;
  frameAspect?: number;
  viewOffset?: ViewOffset;
  interactive?: boolean;
  onCameraChange?: (camera: CameraChange) => void;
  onRendered: (renderKey: string) => void;
}

/** The product's bob and tilt at this time of the move (the aspect does not change the product's pose). */
function productPose(document: SceneDocument, motion: { spec: MotionSpec; time: number }, bounds: Bounds): ProductPose {
  return motionFrame(motion.spec, document.camera, bounds, 1, motion.time).product;
}

/** Reveal's exposure: the scene's own, scaled by the move at this time. */
function motionToneMapping(document: SceneDocument, time: number | undefined): ToneMappingSpec {
  if (!document.motion || time === undefined) return document.toneMapping;
  // The scale does not depend on the framing, so any bounds and aspect give it.
  const unitBounds: Bounds = { min: [-0.5, 0, -0.5], max: [0.5, 1, 0.5] };
  const { exposureScale } = motionFrame(document.motion, document.camera, unitBounds, 1, time);
  return { ...document.toneMapping, exposure: document.toneMapping.exposure * exposureScale };
}

/** Horizontal radius (from the origin) of everything standing on the stage. */
function stageRadiusOf(document: SceneDocument, products: Bounds): number {
  let radius = Math.max(...[products.min[0], products.max[0], products.min[2], products.max[2]].map(Math.abs));
  const podium = document.stage.podium;
  if (podium) radius = Math.max(radius, Math.hypot(podium.width, podium.depth) / 2);
  for (const prop of document.stage.props) {
    radius = Math.max(radius, Math.hypot(prop.position[0], prop.position[2]) + 0.07 * prop.scale);
  }
  return Math.max(radius, 0.05);
}

function Stage({
  input,
  quality,
  frameAspect,
  viewOffset,
  interactive,
  onCameraChange,
  firstFrameDrawn,
}: Omit<SceneContentsProps, "onRendered"> & { firstFrameDrawn: boolean }) {
  const { document, products, time } = input;
  const gl = useThree((state) => state.gl);
  const camera = useThree((state) => state.camera);
  const size = useThree((state) => state.size);
  useLayoutEffect(() => void camera.layers.enable(SHADOW_LAYER), [camera]);

  const placements = document.products.filter((placement) => products[placement.productId]);
  const loaded: LoadedProduct[] = placements.map((placement) => ({
    placement,
    model: readModel(products[placement.productId].url, gl),
  }));

  const podium = document.stage.podium;
  const baseHeight = placements.length > 0 ? Math.min(...placements.map((p) => p.position[1])) : (podium?.height ?? 0);
  const bounds: Bounds = productGroupBounds(loaded) ?? {
    min: [-0.05, baseHeight, -0.05],
    max: [0.05, baseHeight + 0.1, 0.05],
  };
  const stageRadius = stageRadiusOf(document, bounds);
  const framingBounds = stageFramingBounds(bounds, podium);
  // A still's camera and props for this output's aspect: props whole or out of the frame, a tall frame's product
  // with its weight (lib/scene/composition.ts). A video frame keeps the move's own framing and the props as placed.
  const { aspect } = frameAspects(size.width, size.height, frameAspect, viewOffset);
  const still = time === undefined || !document.motion;
  const shotKey = JSON.stringify([document.camera, bounds, podium, document.stage.props, aspect, still]);
  const shot = useMemo(
    () =>
      still
        ? composeShot({ camera: document.camera, product: bounds, podium, props: document.stage.props, aspect })
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by value (a bisection per prop: not every render)
    [shotKey],
  );
  const props = shot ? propsInShot(document.stage.props, shot) : document.stage.props;
  const shadowSignature = JSON.stringify([
    document.products,
    document.stage.podium,
    document.stage.props,
    document.shadows.contact,
    quality,
    Object.keys(products).length,
  ]);

  const motion = document.motion && time !== undefined ? { spec: document.motion, time } : undefined;
  // Turntable: the stage turns about the camera's target (the framing bounds' centre, as the camera rig frames).
  const spin = motion ? motionFrame(motion.spec, document.camera, framingBounds, 1, motion.time).stage : null;
  // What the key light's shadow map depends on (shadow-map-updates.tsx): not the camera, the look or the size.
  const shadowMapSignature = JSON.stringify([
    document.products,
    document.stage.floor,
    podium,
    props,
    document.lighting.rig,
    bounds,
    stageRadius,
    quality,
    motion?.time ?? null,
    placements.map((placement) => products[placement.productId].url),
  ]);
  const look = (
    <LookEffects
      look={document.look}
      tier={quality === "draft" ? "draft" : motion ? "video" : "final"}
      productBounds={bounds}
      seed={document.seed}
      time={motion?.time}
      viewOffset={viewOffset}
    />
  );
  return (
    <>
      <CameraRig
        camera={document.camera}
        composed={shot?.framing}
        motion={motion}
        bounds={framingBounds}
        frameAspect={frameAspect}
        viewOffset={viewOffset}
        interactive={interactive}
        onCameraChange={onCameraChange}
      />
      <Lights
        lights={document.lighting.rig.lights}
        bounds={bounds}
        stageRadius={stageRadius}
        // A video frame is one of dozens per clip and the key shadow moves with the turning stage: half the
        // still's map saves about 50 ms a 1080x1080 frame on llvmpipe.
        shadowMapSize={quality === "final" && !motion ? 2048 : 1024}
      />
      <ShadowMapUpdates signature={shadowMapSignature} interactive={interactive === true} />
      <Floor
        floor={document.stage.floor}
        stageRadius={stageRadius}
        seamless={document.background.kind !== "environment" && !document.lighting.environment.showAsBackground}
        seed={document.seed}
        quality={quality}
      />
      <StageSpinGroup spin={spin}>
        {podium && <Podium podium={podium} seed={document.seed} quality={quality} />}
        <Props props={props} seed={document.seed} quality={quality} />
        <Products products={loaded} pose={motion && productPose(document, motion, bounds)} />
        <Shadows
          signature={shadowSignature}
          shadows={document.shadows}
          quality={quality}
          productBounds={bounds}
          baseHeight={baseHeight}
          podium={podium}
          stageRadius={stageRadius}
        />
      </StageSpinGroup>
      {lookHasEffects(document.look) &&
        (interactive
          ? // The editor draws its first frame without the look, then adds it (the chunk, about 130 KB gzip: n8ao,
            // has been loading since the scene mounted; its shaders compile in a frame of their own, after the
            // product is on screen). Render pages wait for it in the outer boundary: their ready frame is finished.
            firstFrameDrawn && <Suspense fallback={null}>{look}</Suspense>
          : look)}
    </>
  );
}

export function SceneContents({
  input,
  onRendered,
  renderOnce,
  ...rest
}: SceneContentsProps & {
  /** Draw once, by hand, at this canvas size (null: whatever size it has): the render worker's page. */
  renderOnce?: { width: number; height: number } | null;
}) {
  const latest = useDeferredValue(input);
  // The render worker's page wants no deferral: each job is one commit and one frame.
  const deferred = renderOnce !== undefined ? input : latest;
  const { document, products } = deferred;
  const interactive = rest.interactive === true;
  const gl = useThree((state) => state.gl);
  // Every download starts now, together, before anything suspends: the HDRI (decoded in a worker), the models,
  // the lights' tables and the look's chunk. (Started where each is read, they waited for the parts above them.)
  preloadEnvironmentMap(document.lighting.environment.id);
  for (const placement of document.products) {
    if (products[placement.productId]) preloadModel(products[placement.productId].url, gl);
  }
  loadRectAreaLtc().catch(() => {}); // Lights reads them; a failure surfaces there.
  if (lookHasEffects(document.look)) loadLookEffects().catch(() => {}); // the lazy component reports a failure

  const [firstFrameDrawn, setFirstFrameDrawn] = useState(false);
  const rendered = useCallback(
    (renderKey: string) => {
      if (interactive) setFirstFrameDrawn(true);
      onRendered(renderKey);
    },
    [interactive, onRendered],
  );
  return (
    <Suspense fallback={null}>
      <RendererSettings
        toneMapping={motionToneMapping(document, deferred.time)}
        quality={rest.quality}
        video={Boolean(document.motion) && deferred.time !== undefined}
      />
      <Background
        background={document.background}
        environment={document.lighting.environment}
        viewOffset={rest.viewOffset}
      />
      <EnvironmentLighting spec={document.lighting.environment} />
      <Stage input={deferred} {...rest} firstFrameDrawn={firstFrameDrawn} />
      <ReadySignal renderKey={deferred.renderKey} onRendered={rendered} renderOnce={renderOnce} />
    </Suspense>
  );
}
