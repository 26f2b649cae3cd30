/** n8ao ships no types: the part of N8AOPostPass the look pipeline uses. */
declare module "n8ao" {
  import type { Camera, Scene, Texture, WebGLRenderer, WebGLRenderTarget } from "three";

  export type N8AOQualityMode = "Performance" | "Low" | "Medium" | "High" | "Ultra";

  export class N8AOPostPass {
    constructor(scene: Scene, camera: Camera, width?: number, height?: number);
    configuration: {
      aoSamples: number;
      aoRadius: number;
      denoiseSamples: number;
      denoiseRadius: number;
      distanceFalloff: number;
      intensity: number;
      gammaCorrection: boolean;
      halfRes: boolean;
      transparencyAware: boolean;
      accumulate: boolean;
      screenSpaceRadius: boolean;
    };
    camera: Camera;
    scene: Scene;
    renderToScreen: boolean;
    /** When true (the default) it renders the scene again to find transparent objects: we turn it off. */
    autoDetectTransparency: boolean;
    setQualityMode(mode: N8AOQualityMode): void;
    setSize(width: number, height: number): void;
    setDepthTexture(texture: Texture): void;
    render(renderer: WebGLRenderer, inputBuffer: WebGLRenderTarget, outputBuffer: WebGLRenderTarget | null): void;
  }
}
