/**
 * The look's render path (plain three, no React): the scene is drawn into an offscreen target exactly as it
 * would be drawn to the canvas (tone mapping and sRGB encoding included, so backgrounds keep their exact hex
 * colours), then ambient occlusion (N8AO), depth of field and the finishing pass run on those pixels, the last
 * one writing to the canvas.
 *
 * The offscreen target is flagged `isXRRenderTarget`: three then applies the renderer's tone mapping and the
 * target's colour space, as it does for the screen, and stores 8-bit values without hardware sRGB decoding.
 * That is three's documented behaviour for XR targets (WebGLPrograms, getUnlitUniformColorSpace); nothing else
 * in three reads the flag outside an XR session.
 */
import { N8AOPostPass, type N8AOQualityMode } from "n8ao";
import {
  DepthTexture,
  GLSL3,
  HalfFloatType,
  NoBlending,
  SRGBColorSpace,
  ShaderMaterial,
  type Texture,
  UnsignedByteType,
  UnsignedIntType,
  Vector2,
  Vector3,
  WebGLRenderTarget,
  type PerspectiveCamera,
  type Scene,
  type WebGLRenderer,
} from "three";
import { FullScreenQuad } from "three/examples/jsm/postprocessing/Pass.js";
import { GRADE_CURVES, type FinishParams } from "@/lib/scene";
import { AO_APPLY_SHADER, DOF_SHADER, FINISH_SHADER } from "./look-shaders";

/** The N8AO internals the fast composite reads (n8ao is pinned in package.json: check these on an upgrade). */
type N8AOInternals = {
  writeTargetInternal: WebGLRenderTarget;
  depthDownsampleTarget: { textures: Texture[] } | null;
  effectCompositerQuad: { render: (renderer: WebGLRenderer) => void };
  copyQuad: { render: (renderer: WebGLRenderer) => void };
};

export interface AoSettings {
  intensity: number;
  /** World-space reach of the occlusion (metres): a fraction of the product's size. */
  radius: number;
  mode: N8AOQualityMode;
  halfRes: boolean;
  /**
   * Apply the half-resolution AO with the look's own four-tap, depth-weighted blend (AO_APPLY_SHADER) instead of
   * N8AO's compositor and its full-screen copy (video frames: see LOOK_TIERS). Only with halfRes.
   */
  fastComposite?: boolean;
}

export interface DofSettings {
  /** View depth (metres) in focus, and the depth either side of it that stays sharp (the product's radius). */
  focus: number;
  focusRange: number;
  /** Circle of confusion factor (blurFactor) times the full frame's height in pixels. */
  blurPx: number;
  maxRadiusPx: number;
  taps: number;
}

/** The finishing pass's settings: the look's finishing (lib/scene/look-finish.ts, shared with Studio), plus edges. */
export interface FinishSettings extends FinishParams {
  /** Smooth edges in this pass (the scene was drawn without multisampling). */
  antialias?: boolean;
  /** Smooth edges with the edge-walking FXAA (Final stills) instead of the console one (video frames). */
  edgeSearch?: boolean;
}

export interface LookFrame {
  ao: AoSettings | null;
  dof: DofSettings | null;
  finish: FinishSettings;
}

function colourTarget(width: number, height: number): WebGLRenderTarget {
  return new WebGLRenderTarget(width, height, { type: UnsignedByteType, depthBuffer: false });
}

export class LookPipeline {
  private sceneTarget: WebGLRenderTarget;
  private ping: WebGLRenderTarget;
  private pong: WebGLRenderTarget;
  private ao: N8AOPostPass | null = null;
  private aoKey = "";
  private dofQuad: FullScreenQuad;
  private aoApplyQuad: FullScreenQuad;
  private dofTaps = -1;
  private finishQuad: FullScreenQuad;
  private width = 1;
  private height = 1;

  constructor() {
    this.sceneTarget = new WebGLRenderTarget(1, 1, {
      // Half float, not 8-bit: with the XR flag three would allocate an 8-bit texture as sRGB but its
      // multisampled buffer as linear, and the MSAA resolve between the two fails (INVALID_OPERATION).
      type: HalfFloatType,
      colorSpace: SRGBColorSpace,
      depthTexture: new DepthTexture(1, 1, UnsignedIntType),
    });
    // See the file comment: draw as to the screen (tone mapped, sRGB), store raw 8-bit values.
    (this.sceneTarget as WebGLRenderTarget & { isXRRenderTarget: boolean }).isXRRenderTarget = true;
    this.ping = colourTarget(1, 1);
    this.pong = colourTarget(1, 1);
    this.dofQuad = new FullScreenQuad(this.material(DOF_SHADER, 32));
    this.aoApplyQuad = new FullScreenQuad(this.material(AO_APPLY_SHADER));
    this.finishQuad = new FullScreenQuad(this.material(FINISH_SHADER));
  }

  private material(shader: { vertexShader: string; fragmentShader: string }, taps?: number): ShaderMaterial {
    return new ShaderMaterial({
      glslVersion: GLSL3,
      vertexShader: shader.vertexShader,
      fragmentShader: shader.fragmentShader,
      defines: taps === undefined ? {} : { TAPS: taps },
      uniforms: {
        tColor: { value: null },
        tDepth: { value: null },
        cameraNear: { value: 0.01 },
        cameraFar: { value: 100 },
        focus: { value: 1 },
        focusRange: { value: 0 },
        blurPx: { value: 0 },
        maxRadius: { value: 0 },
        texel: { value: new Vector2() },
        graded: { value: false },
        lift: { value: new Vector3() },
        gamma: { value: new Vector3(1, 1, 1) },
        gain: { value: new Vector3(1, 1, 1) },
        contrast: { value: 0 },
        saturation: { value: 1 },
        vignette: { value: 0 },
        grain: { value: 0 },
        seed: { value: 0 },
        fullSize: { value: new Vector2(1, 1) },
        tileOrigin: { value: new Vector2() },
        tileSize: { value: new Vector2(1, 1) },
        antialias: { value: false },
        tAo: { value: null },
        tAoDepth: { value: null },
        aoIntensity: { value: 1 },
      },
      blending: NoBlending,
      depthTest: false,
      depthWrite: false,
      toneMapped: false,
    });
  }

  /** Follows the canvas's drawing-buffer size (the editor resizes, the worker does not); samples: MSAA. */
  setSize(width: number, height: number, samples: number): void {
    if (width === this.width && height === this.height && this.sceneTarget.samples === samples) return;
    this.width = width;
    this.height = height;
    if (this.sceneTarget.samples !== samples) {
      this.sceneTarget.samples = samples;
      this.sceneTarget.dispose();
    }
    this.sceneTarget.setSize(width, height);
    this.ping.setSize(width, height);
    this.pong.setSize(width, height);
    this.ao?.setSize(width, height);
  }

  private aoPass(scene: Scene, camera: PerspectiveCamera, settings: AoSettings): N8AOPostPass {
    const fast = settings.fastComposite === true && settings.halfRes;
    const key = `${settings.mode}:${settings.halfRes}:${fast}`;
    if (!this.ao || this.ao.scene !== scene || this.ao.camera !== camera || this.aoKey !== key) {
      this.ao = new N8AOPostPass(scene, camera, this.width, this.height);
      // Transparency detection draws the scene twice more per frame; glass gets AO like any surface instead.
      // The constructor has already detected once (any transparent material, e.g. the contact-shadow plane,
      // switches it on), so switching detection off is not enough: switch the mode itself off too.
      this.ao.autoDetectTransparency = false;
      this.ao.configuration.transparencyAware = false;
      // Its input is already sRGB-encoded.
      this.ao.configuration.gammaCorrection = false;
      this.ao.configuration.accumulate = false;
      this.ao.setQualityMode(settings.mode);
      this.ao.configuration.halfRes = settings.halfRes;
      if (fast) {
        // N8AO still draws its AO and denoise passes; its compositor and the copy after it are replaced by
        // AO_APPLY_SHADER (render()). Its colour stays black and multiplied, as that shader assumes.
        const internals = this.ao as unknown as N8AOInternals;
        internals.effectCompositerQuad.render = () => {};
        internals.copyQuad.render = () => {};
      }
      this.aoKey = key;
    }
    this.ao.configuration.aoRadius = settings.radius;
    this.ao.configuration.distanceFalloff = 1;
    this.ao.configuration.intensity = settings.intensity;
    return this.ao;
  }

  render(gl: WebGLRenderer, scene: Scene, camera: PerspectiveCamera, frame: LookFrame): void {
    gl.setRenderTarget(this.sceneTarget);
    gl.render(scene, camera);

    let current: WebGLRenderTarget = this.sceneTarget;
    const next = () => (current === this.ping ? this.pong : this.ping);

    if (frame.ao) {
      const pass = this.aoPass(scene, camera, frame.ao);
      pass.setDepthTexture(this.sceneTarget.depthTexture!);
      const out = next();
      pass.render(gl, current, out);
      const internals = pass as unknown as N8AOInternals;
      if (frame.ao.fastComposite && frame.ao.halfRes && internals.depthDownsampleTarget) {
        const u = (this.aoApplyQuad.material as ShaderMaterial).uniforms;
        u.tColor.value = current.texture;
        u.tDepth.value = this.sceneTarget.depthTexture;
        u.tAo.value = internals.writeTargetInternal.texture;
        u.tAoDepth.value = internals.depthDownsampleTarget.textures[0];
        u.aoIntensity.value = pass.configuration.intensity;
        u.cameraNear.value = camera.near;
        u.cameraFar.value = camera.far;
        gl.setRenderTarget(out);
        this.aoApplyQuad.render(gl);
      }
      current = out;
    }

    if (frame.dof && frame.dof.blurPx > 0) {
      const material = this.dofQuad.material as ShaderMaterial;
      if (this.dofTaps !== frame.dof.taps) {
        material.defines.TAPS = frame.dof.taps;
        material.needsUpdate = true;
        this.dofTaps = frame.dof.taps;
      }
      const u = material.uniforms;
      u.tColor.value = current.texture;
      u.tDepth.value = this.sceneTarget.depthTexture;
      u.cameraNear.value = camera.near;
      u.cameraFar.value = camera.far;
      u.focus.value = frame.dof.focus;
      u.focusRange.value = frame.dof.focusRange;
      u.blurPx.value = frame.dof.blurPx;
      u.maxRadius.value = frame.dof.maxRadiusPx;
      (u.texel.value as Vector2).set(1 / this.width, 1 / this.height);
      const out = next();
      gl.setRenderTarget(out);
      this.dofQuad.render(gl);
      current = out;
    }

    const finish = frame.finish;
    const u = (this.finishQuad.material as ShaderMaterial).uniforms;
    const curves = GRADE_CURVES[finish.grade];
    u.tColor.value = current.texture;
    u.graded.value = finish.grade !== "none";
    (u.lift.value as Vector3).fromArray(curves.lift);
    (u.gamma.value as Vector3).fromArray(curves.gamma);
    (u.gain.value as Vector3).fromArray(curves.gain);
    u.contrast.value = curves.contrast;
    u.saturation.value = curves.saturation;
    u.vignette.value = finish.vignette;
    u.grain.value = finish.grain;
    u.seed.value = finish.seed >>> 0;
    (u.fullSize.value as Vector2).fromArray(finish.fullSize);
    (u.tileOrigin.value as Vector2).fromArray(finish.tileOrigin);
    (u.tileSize.value as Vector2).set(this.width, this.height);
    u.antialias.value = finish.antialias === true;
    // The edge walk is a shader variant (look-shaders.ts says why); three keeps both programs once compiled.
    const finishMaterial = this.finishQuad.material as ShaderMaterial;
    const search = finish.edgeSearch === true;
    if ("EDGE_SEARCH" in finishMaterial.defines !== search) {
      if (search) finishMaterial.defines.EDGE_SEARCH = 1;
      else delete finishMaterial.defines.EDGE_SEARCH;
      finishMaterial.needsUpdate = true;
    }
    (u.texel.value as Vector2).set(1 / this.width, 1 / this.height);
    gl.setRenderTarget(null);
    this.finishQuad.render(gl);
  }

  dispose(): void {
    this.sceneTarget.depthTexture?.dispose();
    this.sceneTarget.dispose();
    this.ping.dispose();
    this.pong.dispose();
    this.dofQuad.dispose();
    this.aoApplyQuad.dispose();
    this.finishQuad.dispose();
    (this.dofQuad.material as ShaderMaterial).dispose();
    (this.aoApplyQuad.material as ShaderMaterial).dispose();
    (this.finishQuad.material as ShaderMaterial).dispose();
    // N8AO has no dispose(): release the render targets it holds.
    for (const value of Object.values(this.ao ?? {})) {
      if (value instanceof WebGLRenderTarget) value.dispose();
    }
    this.ao = null;
  }
}
