"use client";
/**
 * Contact shadow: a blurred, height-faded depth render of everything just
 * above a plane, seen from below. Same technique as drei's ContactShadows, but
 * usable at any height (drei's blur pass draws its plane at the world origin,
 * which falls outside the shadow camera when the plane sits on a podium top,
 * leaving the shadow empty) and rendered exactly once per mount: deterministic
 * and free after the first frame.
 */
import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useMemo, useRef } from "react";
import {
  Color,
  Matrix4,
  Mesh,
  MeshDepthMaterial,
  OrthographicCamera,
  PlaneGeometry,
  ShaderMaterial,
  WebGLRenderTarget,
  type Group,
} from "three";
import { HorizontalBlurShader, VerticalBlurShader } from "three-stdlib";

export function ContactShadow({
  y,
  size,
  far,
  opacity,
  blur,
  resolution,
  color = "#000000",
  renderOrder = -1,
}: {
  y: number;
  size: number;
  far: number;
  opacity: number;
  blur: number;
  resolution: number;
  color?: string;
  renderOrder?: number;
}) {
  const scene = useThree((state) => state.scene);
  const group = useRef<Group>(null);
  const done = useRef(false);

  const resources = useMemo(() => {
    const target = new WebGLRenderTarget(resolution, resolution);
    const blurTarget = new WebGLRenderTarget(resolution, resolution);
    target.texture.generateMipmaps = blurTarget.texture.generateMipmaps = false;
    // Camera at the plane, looking up (+Y), seeing `far` metres of the scene above it.
    const camera = new OrthographicCamera(-size / 2, size / 2, size / 2, -size / 2, 0, far);
    camera.position.set(0, y, 0);
    camera.up.set(0, 0, -1);
    camera.lookAt(0, y + 1, 0);
    camera.updateMatrixWorld(true);
    // Placed by hand each capture (in the frame of what holds the shadow: see useFrame), never by the renderer.
    camera.matrixAutoUpdate = camera.matrixWorldAutoUpdate = false;
    const cameraLocal = camera.matrixWorld.clone();
    const depth = new MeshDepthMaterial();
    depth.depthTest = depth.depthWrite = false;
    depth.onBeforeCompile = (shader) => {
      shader.uniforms.ucolor = { value: new Color(color) };
      shader.fragmentShader = shader.fragmentShader
        .replace("void main() {", "uniform vec3 ucolor;\nvoid main() {")
        .replace("vec4( vec3( 1.0 - fragCoordZ ), opacity );", "vec4( ucolor * fragCoordZ * 2.0, 1.0 - fragCoordZ );");
    };
    depth.customProgramCacheKey = () => "plinth-contact-depth";
    const horizontal = new ShaderMaterial(HorizontalBlurShader);
    const vertical = new ShaderMaterial(VerticalBlurShader);
    horizontal.depthTest = vertical.depthTest = false;
    // The blur quad lives in front of the shadow camera (not at the world origin).
    const quad = new Mesh(new PlaneGeometry(size, size).rotateX(Math.PI / 2));
    quad.position.set(0, y + far / 2, 0);
    quad.updateMatrixWorld(true);
    return { target, blurTarget, camera, cameraLocal, depth, horizontal, vertical, quad };
  }, [resolution, size, far, y, color]);

  useEffect(() => {
    done.current = false;
    return () => {
      resources.target.dispose();
      resources.blurTarget.dispose();
      resources.depth.dispose();
      resources.horizontal.dispose();
      resources.vertical.dispose();
      resources.quad.geometry.dispose();
    };
  }, [resources]);

  useFrame(({ gl }) => {
    if (done.current || !group.current) return;
    done.current = true;
    const { target, blurTarget, camera, cameraLocal, depth, horizontal, vertical, quad } = resources;
    // The scene is seen in the frame of what holds this shadow (a Turntable's turning stage, components/scene/
    // stage-spin.tsx), so a capture at any turn gives the unturned shadow, which then turns with its plane.
    const holder = group.current.parent;
    holder?.updateWorldMatrix(true, false);
    const place = (world: Matrix4) => {
      camera.matrixWorld.copy(world);
      camera.matrixWorldInverse.copy(world).invert();
    };
    place(holder ? new Matrix4().multiplyMatrices(holder.matrixWorld, cameraLocal) : cameraLocal);
    const background = scene.background;
    const override = scene.overrideMaterial;
    const previousTarget = gl.getRenderTarget();
    group.current.visible = false;
    scene.background = null;
    scene.overrideMaterial = depth;
    gl.setRenderTarget(target);
    gl.render(scene, camera);
    scene.overrideMaterial = override;
    scene.background = background;
    // The blur quads sit in front of the camera's own (unturned) place.
    place(cameraLocal);
    group.current.visible = true;
    const pass = (amount: number) => {
      quad.material = horizontal;
      horizontal.uniforms.tDiffuse.value = target.texture;
      horizontal.uniforms.h.value = amount / 256;
      gl.setRenderTarget(blurTarget);
      gl.render(quad, camera);
      quad.material = vertical;
      vertical.uniforms.tDiffuse.value = blurTarget.texture;
      vertical.uniforms.v.value = amount / 256;
      gl.setRenderTarget(target);
      gl.render(quad, camera);
    };
    pass(blur);
    pass(blur * 0.4);
    gl.setRenderTarget(previousTarget);
  });

  return (
    <group ref={group} position={[0, y, 0]}>
      {/*
        The texture was rendered looking up with the camera's up = -Z, so its right is world -X and its top
        world -Z. The flat plane maps u to +X and v to -Z: mirroring u puts every shadow under its object.
      */}
      <mesh rotation-x={-Math.PI / 2} scale={[-1, 1, 1]} renderOrder={renderOrder}>
        <planeGeometry args={[size, size]} />
        <meshBasicMaterial
          map={resources.target.texture}
          transparent
          opacity={opacity}
          depthWrite={false}
          toneMapped={false}
        />
      </mesh>
    </group>
  );
}
