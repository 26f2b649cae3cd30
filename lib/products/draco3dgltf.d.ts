declare module "draco3dgltf" {
  export function createDecoderModule(options?: Record<string, unknown>): Promise<unknown>;
  export function createEncoderModule(options?: Record<string, unknown>): Promise<unknown>;
}
