/**
 * Area-light shadows (issue 18): percentage-closer soft shadows (PCSS) for the key light, so a shadow is sharp
 * where an object touches the surface and widens with the distance between occluder and receiver, as under a
 * real soft box, instead of one blur radius everywhere.
 *
 * three's shadow chunk is patched once per page (as drei's SoftShadows does), but only for a light that asks:
 * a NEGATIVE `shadow.radius` means "PCSS, with this penumbra per unit of shadow depth" (lights.tsx sets it from
 * the light's `softness`). Every other shadow keeps three's own filtering, untouched.
 *
 * Cost is tiered by the renderer's shadow-map type, which the canvas sets per quality (scene-canvas.tsx):
 * PCFShadowMap (Draft) takes fewer samples than PCFSoftShadowMap (Final). Samples are spread on a Vogel disk
 * turned per shadow-map texel, so too few samples read as fine grain, never as stepped copies of the edge.
 */
import { ShaderChunk } from "three";

/** Normalised shadow depth (0..1 over the shadow camera's near..far) an occluder may stand in front of a receiver. */
export const PCSS_MAX_GAP = 0.12;

const PCSS_FUNCTIONS = /* glsl */ `
	// Final had 16/32: on llvmpipe (1080x1080, 2 cores at load 10, so +-30% noise) that was 14.9 s a Final image with
	// AO against 13.5 s with three's PCF, and 8/16 measured 9.6 s. The speed bar against the peer comes first; the
	// price is a little grain in wide penumbrae.
	#ifdef SHADOWMAP_TYPE_PCF_SOFT
		#define PCSS_BLOCKER_SAMPLES 8
		#define PCSS_FILTER_SAMPLES 16
	#else
		#define PCSS_BLOCKER_SAMPLES 6
		#define PCSS_FILTER_SAMPLES 10
	#endif
	#define PCSS_MAX_GAP ${PCSS_MAX_GAP.toFixed(4)}

	vec2 pcssDisk( const in int i, const in int n, const in float turn ) {
		float r = sqrt( ( float( i ) + 0.5 ) / float( n ) );
		float a = float( i ) * 2.39996323 + turn;
		return r * vec2( cos( a ), sin( a ) );
	}

	// penumbraPerDepth: penumbra width (shadow-map uv) per unit of normalised depth between occluder and receiver.
	float pcssShadow( sampler2D shadowMap, vec2 shadowMapSize, float penumbraPerDepth, vec3 coord ) {
		float texel = 1.0 / shadowMapSize.x;
		// Interleaved gradient noise: a different disk rotation per shadow-map texel. Anchored to the map, not the
		// screen, so a tile of a large render draws the same grain as the whole frame, and a video's grain does not
		// crawl over a still surface.
		vec2 cell = coord.xy * shadowMapSize;
		float turn = 6.28318531 * fract( 52.9829189 * fract( dot( cell, vec2( 0.06711056, 0.00583715 ) ) ) );
		// A flat receiver tilted to the light sees its own nearer half as "occluders": compare each tap against the
		// receiver's own plane (receiver-plane depth bias), clamped so silhouettes do not produce huge slopes.
		vec3 ddx = dFdx( coord );
		vec3 ddy = dFdy( coord );
		float det = ddx.x * ddy.y - ddx.y * ddy.x;
		vec2 slope = abs( det ) > 1e-14 ? vec2( ddy.y * ddx.z - ddx.y * ddy.z, ddx.x * ddy.z - ddy.x * ddx.z ) / det : vec2( 0.0 );
		slope = clamp( slope, vec2( - 2.0 ), vec2( 2.0 ) );

		float searchRadius = max( penumbraPerDepth * PCSS_MAX_GAP, 3.0 * texel );
		float blockerDepth = 0.0;
		float blockers = 0.0;
		for ( int i = 0; i < PCSS_BLOCKER_SAMPLES; i ++ ) {
			vec2 offset = pcssDisk( i, PCSS_BLOCKER_SAMPLES, turn ) * searchRadius;
			float depth = unpackRGBAToDepth( texture2D( shadowMap, coord.xy + offset ) );
			if ( depth < coord.z + dot( slope, offset ) - 0.001 ) {
				blockerDepth += depth;
				blockers += 1.0;
			}
		}
		if ( blockers == 0.0 ) return texture2DCompare( shadowMap, coord.xy, coord.z );
		// Every tap occluded: inside the umbra (the filter disk lies within the search disk), no filtering to do.
		if ( blockers == float( PCSS_BLOCKER_SAMPLES ) ) return 0.0;
		float gap = max( coord.z - blockerDepth / blockers, 0.0 );
		float radius = clamp( penumbraPerDepth * gap, 1.5 * texel, searchRadius );
		float lit = 0.0;
		for ( int i = 0; i < PCSS_FILTER_SAMPLES; i ++ ) {
			vec2 offset = pcssDisk( i, PCSS_FILTER_SAMPLES, turn ) * radius;
			lit += texture2DCompare( shadowMap, coord.xy + offset, coord.z + dot( slope, offset ) );
		}
		return lit / float( PCSS_FILTER_SAMPLES );
	}
`;

const GET_SHADOW = "float getShadow( sampler2D shadowMap,";
const FRUSTUM_TEST = "if ( frustumTest ) {";
const PCSS_BRANCH = `if ( frustumTest && shadowRadius < 0.0 ) {
			shadow = pcssShadow( shadowMap, shadowMapSize, - shadowRadius, shadowCoord.xyz );
		} else ${FRUSTUM_TEST}`;

let installed = false;

/** Patches three's shadow chunk (idempotent); must run before the first shadowed material compiles. */
export function installSoftShadows(): void {
  if (installed) return;
  const chunk = ShaderChunk.shadowmap_pars_fragment;
  const at = chunk.indexOf(GET_SHADOW);
  const test = chunk.indexOf(FRUSTUM_TEST, at);
  // A three upgrade that reshapes the chunk must fail loudly here, not silently drop soft shadows.
  if (at < 0 || test < 0) throw new Error("three's shadowmap_pars_fragment changed: update soft-shadows.ts");
  ShaderChunk.shadowmap_pars_fragment =
    chunk.slice(0, at) + PCSS_FUNCTIONS + chunk.slice(at, test) + PCSS_BRANCH + chunk.slice(test + FRUSTUM_TEST.length);
  installed = true;
}

/**
 * The key light's `shadow.radius` for PCSS: minus the penumbra per unit of normalised shadow depth, in shadow-map
 * uv. An area light of angular size `tanHalfAngle * 2` casts a penumbra of depth gap x that, in world units; the
 * shadow camera's depth range and width convert it to the map's units.
 */
export function pcssRadius(spreadPerMetre: number, depthRange: number, mapWidth: number): number {
  return -(spreadPerMetre * depthRange) / mapWidth;
}
