/**
 * Procedural geometry helpers. Everything is built as plain typed arrays
 * (positions / normals / uvs / indices) in metres, Y up, CCW front faces.
 */

export interface MeshData {
  positions: Float32Array;
  normals: Float32Array;
  uvs: Float32Array;
  indices: Uint32Array;
}

/** A 2D profile point: r = distance from the Y axis, y = height (metres). */
export type ProfilePoint = readonly [r: number, y: number];

/**
 * A profile for {@link lathe}: a list of smooth runs. Inside a run normals are
 * averaged (smooth); consecutive runs share their end point but get separate
 * vertices there, which makes a hard crease.
 */
export type Profile = ProfilePoint[][];

class Builder {
  p: number[] = [];
  n: number[] = [];
  t: number[] = [];
  i: number[] = [];
  vertex(px: number, py: number, pz: number, nx: number, ny: number, nz: number, u: number, v: number): number {
    this.p.push(px, py, pz);
    this.n.push(nx, ny, nz);
    this.t.push(u, v);
    return this.p.length / 3 - 1;
  }
  tri(a: number, b: number, c: number): void {
    this.i.push(a, b, c);
  }
  build(): MeshData {
    return {
      positions: new Float32Array(this.p),
      normals: new Float32Array(this.n),
      uvs: new Float32Array(this.t),
      indices: new Uint32Array(this.i),
    };
  }
}

/** Evenly resampled quarter/partial arc, handy for building profiles. */
export function arc(
  cr: number,
  cy: number,
  radius: number,
  fromDeg: number,
  toDeg: number,
  steps: number,
): ProfilePoint[] {
  const out: ProfilePoint[] = [];
  for (let s = 0; s <= steps; s++) {
    const a = ((fromDeg + ((toDeg - fromDeg) * s) / steps) * Math.PI) / 180;
    out.push([cr + radius * Math.cos(a), cy + radius * Math.sin(a)]);
  }
  return out;
}

/** Concatenate point lists, dropping exact duplicates at the joins. */
export function chain(...parts: ProfilePoint[][]): ProfilePoint[] {
  const out: ProfilePoint[] = [];
  for (const part of parts) {
    for (const pt of part) {
      const last = out[out.length - 1];
      if (last && Math.abs(last[0] - pt[0]) < 1e-9 && Math.abs(last[1] - pt[1]) < 1e-9) continue;
      out.push(pt);
    }
  }
  return out;
}

/** Subdivide straight segments so long flat runs get enough rows. */
export function densify(points: ProfilePoint[], maxStep: number): ProfilePoint[] {
  const out: ProfilePoint[] = [points[0]];
  for (let k = 1; k < points.length; k++) {
    const [r0, y0] = points[k - 1];
    const [r1, y1] = points[k];
    const len = Math.hypot(r1 - r0, y1 - y0);
    const n = Math.max(1, Math.ceil(len / maxStep));
    for (let s = 1; s <= n; s++) out.push([r0 + ((r1 - r0) * s) / n, y0 + ((y1 - y0) * s) / n]);
  }
  return out;
}

/**
 * Revolve a profile around the Y axis. The profile must be ordered so that
 * the outside of the surface is on the right when walking along it in the
 * (r, y) plane — i.e. bottom centre -> outer wall upwards -> top centre for a
 * closed solid; inner (cavity) walls are then walked downwards.
 * UV: u wraps around (0..1, seam duplicated), v follows arc length (0 bottom of
 * the profile, 1 at the end), so a label texture maps naturally.
 */
export function lathe(profile: Profile, segments: number, vRange?: [number, number]): MeshData {
  const b = new Builder();
  // Total arc length, for v coordinates.
  let total = 0;
  for (const run of profile) for (let k = 1; k < run.length; k++) total += dist(run[k - 1], run[k]);
  const [v0, v1] = vRange ?? [0, 1];
  let acc = 0;
  for (const run of profile) {
    // Per-point 2D normal from neighbour tangents (smooth within the run).
    const normals2: [number, number][] = run.map((_, k) => {
      const a = run[Math.max(0, k - 1)];
      const c = run[Math.min(run.length - 1, k + 1)];
      let tr = 0;
      let ty = 0;
      // Average of normalised adjacent segment tangents.
      if (k > 0) {
        const d = dist(a, run[k]) || 1;
        tr += (run[k][0] - a[0]) / d;
        ty += (run[k][1] - a[1]) / d;
      }
      if (k < run.length - 1) {
        const d = dist(run[k], c) || 1;
        tr += (c[0] - run[k][0]) / d;
        ty += (c[1] - run[k][1]) / d;
      }
      const l = Math.hypot(tr, ty) || 1;
      // Rotate the tangent clockwise: outward normal.
      return [ty / l, -tr / l];
    });
    const rowStart: number[] = [];
    for (let k = 0; k < run.length; k++) {
      if (k > 0) acc += dist(run[k - 1], run[k]);
      const v = v0 + (v1 - v0) * (total > 0 ? acc / total : 0);
      const [r, y] = run[k];
      const [nr, ny] = normals2[k];
      rowStart.push(b.p.length / 3);
      for (let j = 0; j <= segments; j++) {
        const th = (j / segments) * Math.PI * 2;
        const s = Math.sin(th);
        const c = Math.cos(th);
        b.vertex(r * s, y, r * c, nr * s, ny, nr * c, j / segments, v);
      }
    }
    for (let k = 0; k < run.length - 1; k++) {
      const ra = run[k][0];
      const rb = run[k + 1][0];
      for (let j = 0; j < segments; j++) {
        const a = rowStart[k] + j;
        const a2 = a + 1;
        const c = rowStart[k + 1] + j;
        const c2 = c + 1;
        // Walking the profile "up" with the outside to the right; with theta
        // increasing counter-clockwise seen from +Y this winding faces out.
        if (ra > 1e-9) b.tri(a, a2, c2);
        if (rb > 1e-9) b.tri(a, c2, c);
      }
    }
  }
  return b.build();
}

function dist(a: ProfilePoint, b: ProfilePoint): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

/** Sample coordinates along one axis of a rounded box, dense in the bevels. */
function axisSamples(half: number, radius: number, bevelSteps: number, flatSteps: number): number[] {
  const inner = half - radius;
  const out: number[] = [];
  // -half .. -inner : bevel, parameterised so the arc angle is evenly spaced.
  for (let s = 0; s < bevelSteps; s++) {
    const phi = (Math.PI / 4) * (1 - s / bevelSteps);
    out.push(-inner - radius * Math.tan(phi));
  }
  for (let s = 0; s < flatSteps; s++) out.push(-inner + (2 * inner * s) / flatSteps);
  for (let s = 0; s <= bevelSteps; s++) {
    const phi = (Math.PI / 4) * (s / bevelSteps);
    out.push(inner + radius * Math.tan(phi));
  }
  return out;
}

export interface RoundedBoxOptions {
  size: [number, number, number];
  radius: number;
  bevelSteps?: number;
  flatSteps?: number;
  /** Which faces to emit; default all. Keys: px nx py ny pz nz. */
  faces?: FaceKey[];
  /** Flip the surface (for cavities): reverses winding and normals. */
  inside?: boolean;
  /**
   * When set, UVs are metric (metres along the face / tile size) instead of
   * 0..1 per face, so a tiling texture keeps the same density on every face.
   */
  uvTile?: number;
}

export type FaceKey = "px" | "nx" | "py" | "ny" | "pz" | "nz";

/**
 * Box with rounded edges/corners (radius), centred at the origin. Each face is
 * a grid that also covers half of each adjoining bevel; the vertex is pushed
 * out from the inner box so edges and corners are true quarter circles and
 * normals are smooth. UVs per face 0..1 as seen from outside, glTF convention
 * (v = 0 at the top edge of the face).
 */
export function roundedBox(opts: RoundedBoxOptions): MeshData {
  const [sx, sy, sz] = opts.size;
  const hx = sx / 2;
  const hy = sy / 2;
  const hz = sz / 2;
  const r = Math.min(opts.radius, hx, hy, hz);
  const bs = opts.bevelSteps ?? 6;
  const fs = opts.flatSteps ?? 1;
  const X = axisSamples(hx, r, bs, fs);
  const Y = axisSamples(hy, r, bs, fs);
  const Z = axisSamples(hz, r, bs, fs);
  const ix = hx - r;
  const iy = hy - r;
  const iz = hz - r;
  const b = new Builder();
  const faces = opts.faces ?? ["px", "nx", "py", "ny", "pz", "nz"];
  const flip = opts.inside === true;
  const clamp = (v: number, m: number) => Math.max(-m, Math.min(m, v));

  // Face definitions: u axis, v axis, fixed axis and value (right-handed so
  // that u x v = outward normal).
  const defs: Record<FaceKey, { u: number[]; v: number[]; map: (a: number, c: number) => [number, number, number] }> = {
    pz: { u: X, v: Y, map: (a, c) => [a, c, hz] },
    nz: { u: X.map((q) => -q), v: Y, map: (a, c) => [a, c, -hz] },
    px: { u: Z.map((q) => -q), v: Y, map: (a, c) => [hx, c, a] },
    nx: { u: Z, v: Y, map: (a, c) => [-hx, c, a] },
    py: { u: X, v: Z.map((q) => -q), map: (a, c) => [a, hy, c] },
    ny: { u: X, v: Z, map: (a, c) => [a, -hy, c] },
  };
  for (const key of faces) {
    const d = defs[key];
    const nu = d.u.length;
    const nv = d.v.length;
    const base = b.p.length / 3;
    for (let jv = 0; jv < nv; jv++) {
      for (let ju = 0; ju < nu; ju++) {
        const [px, py, pz] = d.map(d.u[ju], d.v[jv]);
        const cx = clamp(px, ix);
        const cy = clamp(py, iy);
        const cz = clamp(pz, iz);
        let dx = px - cx;
        let dy = py - cy;
        let dz = pz - cz;
        const l = Math.hypot(dx, dy, dz) || 1;
        dx /= l;
        dy /= l;
        dz /= l;
        const s = flip ? -1 : 1;
        // UVs follow the (flat) face coordinates, not the grid index, since
        // grid rows are clustered in the bevels.
        const du = Math.abs(d.u[ju] - d.u[0]);
        const dv = Math.abs(d.v[nv - 1] - d.v[jv]);
        const tu = opts.uvTile ? du / opts.uvTile : du / Math.abs(d.u[nu - 1] - d.u[0]);
        const tv = opts.uvTile ? dv / opts.uvTile : dv / Math.abs(d.v[nv - 1] - d.v[0]);
        b.vertex(cx + dx * r, cy + dy * r, cz + dz * r, dx * s, dy * s, dz * s, tu, tv);
      }
    }
    for (let jv = 0; jv < nv - 1; jv++) {
      for (let ju = 0; ju < nu - 1; ju++) {
        const a = base + jv * nu + ju;
        const bb = a + 1;
        const c = a + nu;
        const dd = c + 1;
        if (flip) {
          b.tri(a, dd, bb);
          b.tri(a, c, dd);
        } else {
          b.tri(a, bb, dd);
          b.tri(a, dd, c);
        }
      }
    }
  }
  return b.build();
}

/** Apply a translation (and optional uniform scale on x/z) to mesh data in place. */
export function translate(m: MeshData, tx: number, ty: number, tz: number): MeshData {
  for (let k = 0; k < m.positions.length; k += 3) {
    m.positions[k] += tx;
    m.positions[k + 1] += ty;
    m.positions[k + 2] += tz;
  }
  return m;
}

/** Rotate around the Y axis (radians), in place. */
export function rotateY(m: MeshData, angle: number): MeshData {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  for (const arr of [m.positions, m.normals]) {
    for (let k = 0; k < arr.length; k += 3) {
      const x = arr[k];
      const z = arr[k + 2];
      arr[k] = c * x + s * z;
      arr[k + 2] = -s * x + c * z;
    }
  }
  return m;
}

/** Rotate around the X axis (radians), in place. */
export function rotateX(m: MeshData, angle: number): MeshData {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  for (const arr of [m.positions, m.normals]) {
    for (let k = 0; k < arr.length; k += 3) {
      const y = arr[k + 1];
      const z = arr[k + 2];
      arr[k + 1] = c * y - s * z;
      arr[k + 2] = s * y + c * z;
    }
  }
  return m;
}

/** Merge several meshes into one (same material). */
export function merge(...meshes: MeshData[]): MeshData {
  let nv = 0;
  let ni = 0;
  for (const m of meshes) {
    nv += m.positions.length / 3;
    ni += m.indices.length;
  }
  const out: MeshData = {
    positions: new Float32Array(nv * 3),
    normals: new Float32Array(nv * 3),
    uvs: new Float32Array(nv * 2),
    indices: new Uint32Array(ni),
  };
  let ov = 0;
  let oi = 0;
  for (const m of meshes) {
    out.positions.set(m.positions, ov * 3);
    out.normals.set(m.normals, ov * 3);
    out.uvs.set(m.uvs, ov * 2);
    for (let k = 0; k < m.indices.length; k++) out.indices[oi + k] = m.indices[k] + ov;
    ov += m.positions.length / 3;
    oi += m.indices.length;
  }
  return out;
}

/**
 * Sanity check: the geometric face normal of every (non-degenerate) triangle
 * must agree with its vertex normals. Returns the number of disagreeing faces.
 */
export function countFlippedFaces(m: MeshData): number {
  const P = m.positions;
  const N = m.normals;
  let bad = 0;
  for (let k = 0; k < m.indices.length; k += 3) {
    const a = m.indices[k] * 3;
    const b = m.indices[k + 1] * 3;
    const c = m.indices[k + 2] * 3;
    const e1x = P[b] - P[a];
    const e1y = P[b + 1] - P[a + 1];
    const e1z = P[b + 2] - P[a + 2];
    const e2x = P[c] - P[a];
    const e2y = P[c + 1] - P[a + 1];
    const e2z = P[c + 2] - P[a + 2];
    const fx = e1y * e2z - e1z * e2y;
    const fy = e1z * e2x - e1x * e2z;
    const fz = e1x * e2y - e1y * e2x;
    const fl = Math.hypot(fx, fy, fz);
    if (fl < 1e-14) continue;
    const nx = N[a] + N[b] + N[c];
    const ny = N[a + 1] + N[b + 1] + N[c + 1];
    const nz = N[a + 2] + N[b + 2] + N[c + 2];
    if ((fx * nx + fy * ny + fz * nz) / fl < 0) bad++;
  }
  return bad;
}

export function triangleCount(m: MeshData): number {
  return m.indices.length / 3;
}

/** Convert a profile written in centimetres to metres. */
export function cm(profile: ProfilePoint[][]): Profile {
  return profile.map((run) => run.map(([r, y]) => [r / 100, y / 100] as ProfilePoint));
}
