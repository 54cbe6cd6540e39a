/**
 * Renders a scene into six cube faces from one point, then resamples them into an
 * equirectangular panorama, strip by strip (a full 8192 × 4096 image would not fit one render
 * target read on every GPU). Faces are rendered in linear light with 4× multisampling; the
 * resampling takes 4 samples per output pixel, tone-maps (ACES, as the live overview does),
 * encodes sRGB and dithers, so the sky has no bands.
 *
 * Image layout: column x looks towards yaw (x / width − 0.5) × 360°, row y at pitch
 * (0.5 − y / height) × 180°. Yaw 0 — the centre column — looks along the viewpoint's heading
 * (with heading 0 that is −Z; positive yaw turns towards +X), as src/viewer/viewMath.ts expects.
 * The left and right edges are one direction apart, so the image wraps without a seam.
 */
import {
  Camera,
  HalfFloatType,
  LinearSRGBColorSpace,
  Matrix4,
  Mesh,
  NoToneMapping,
  PerspectiveCamera,
  PlaneGeometry,
  RGBAFormat,
  Scene,
  ShaderMaterial,
  UnsignedByteType,
  Vector3,
  WebGLRenderTarget,
  type WebGLRenderer,
} from 'three';

const FACES: { dir: [number, number, number]; up: [number, number, number] }[] = [
  { dir: [1, 0, 0], up: [0, 1, 0] },
  { dir: [-1, 0, 0], up: [0, 1, 0] },
  { dir: [0, 1, 0], up: [0, 0, 1] },
  { dir: [0, -1, 0], up: [0, 0, -1] },
  { dir: [0, 0, 1], up: [0, 1, 0] },
  { dir: [0, 0, -1], up: [0, 1, 0] },
];

const quadVertex = /* glsl */ `
varying vec2 vUv;
void main() { vUv = uv; gl_Position = vec4(position.xy, 0.0, 1.0); }`;

const copyFragment = /* glsl */ `
uniform sampler2D source;
varying vec2 vUv;
void main() { gl_FragColor = texture2D(source, vUv); }`;

const equirectFragment = /* glsl */ `
uniform sampler2D f0; uniform sampler2D f1; uniform sampler2D f2;
uniform sampler2D f3; uniform sampler2D f4; uniform sampler2D f5;
uniform mat4 m0; uniform mat4 m1; uniform mat4 m2; uniform mat4 m3; uniform mat4 m4; uniform mat4 m5;
uniform vec2 size;       // panorama width, height
uniform float rowOffset; // first image row of this strip
uniform float exposure;
uniform float heading;   // world heading of the centre column, radians

const float PI = 3.141592653589793;

vec3 RRTAndODTFit(vec3 v) {
  vec3 a = v * (v + 0.0245786) - 0.000090537;
  vec3 b = v * (0.983729 * v + 0.4329510) + 0.238081;
  return a / b;
}
vec3 aces(vec3 color) {
  const mat3 inM = mat3(vec3(0.59719, 0.07600, 0.02840), vec3(0.35458, 0.90834, 0.13383), vec3(0.04823, 0.01566, 0.83777));
  const mat3 outM = mat3(vec3(1.60475, -0.10208, -0.00327), vec3(-0.53108, 1.10813, -0.07276), vec3(-0.07367, -0.00605, 1.07602));
  color *= exposure / 0.6;
  color = inM * color;
  color = RRTAndODTFit(color);
  color = outM * color;
  return clamp(color, 0.0, 1.0);
}
vec3 srgb(vec3 c) {
  return mix(c * 12.92, pow(c, vec3(1.0 / 2.4)) * 1.055 - 0.055, step(vec3(0.0031308), c));
}

vec2 faceUv(mat4 m, vec3 d) {
  vec4 clip = m * vec4(d, 0.0);
  return clip.xy / clip.w * 0.5 + 0.5;
}

vec3 sampleDir(vec3 d) {
  vec3 a = abs(d);
  if (a.x >= a.y && a.x >= a.z) {
    return d.x > 0.0 ? texture2D(f0, faceUv(m0, d)).rgb : texture2D(f1, faceUv(m1, d)).rgb;
  }
  if (a.y >= a.z) {
    return d.y > 0.0 ? texture2D(f2, faceUv(m2, d)).rgb : texture2D(f3, faceUv(m3, d)).rgb;
  }
  return d.z > 0.0 ? texture2D(f4, faceUv(m4, d)).rgb : texture2D(f5, faceUv(m5, d)).rgb;
}

vec3 direction(vec2 px) {
  float yaw = (px.x / size.x - 0.5) * 2.0 * PI + heading;
  float pitch = (0.5 - px.y / size.y) * PI;
  return vec3(sin(yaw) * cos(pitch), sin(pitch), -cos(yaw) * cos(pitch));
}

void main() {
  // gl_FragCoord.y counts from the bottom of the strip; the strip's first row is read first.
  vec2 px = vec2(gl_FragCoord.x, rowOffset + gl_FragCoord.y);
  vec3 c = sampleDir(direction(px));
  vec3 outc = srgb(aces(c));
  // Ordered dither of half a step: no banding in smooth skies, the same every time.
  vec2 p = floor(px);
  float bayer = mod(p.x + 2.0 * mod(p.y, 2.0), 4.0) / 4.0 - 0.375;
  gl_FragColor = vec4(outc + bayer / 255.0, 1.0);
}`;

export interface CubeToEquirectOptions {
  faceSize: number;
  samples: number;
  exposure: number;
}

export class CubeToEquirect {
  private readonly faces: WebGLRenderTarget[];
  private readonly msaa: WebGLRenderTarget;
  private readonly matrices: Matrix4[] = FACES.map(() => new Matrix4());
  private readonly quadScene = new Scene();
  private readonly quadCamera = new Camera();
  private readonly copy: ShaderMaterial;
  private readonly equirect: ShaderMaterial;
  private readonly quad: Mesh;

  constructor(
    private readonly renderer: WebGLRenderer,
    private readonly options: CubeToEquirectOptions,
  ) {
    const { faceSize, samples } = options;
    const linear = { type: HalfFloatType, format: RGBAFormat, colorSpace: LinearSRGBColorSpace, depthBuffer: false, generateMipmaps: false };
    this.faces = FACES.map(() => new WebGLRenderTarget(faceSize, faceSize, linear));
    this.msaa = new WebGLRenderTarget(faceSize, faceSize, { ...linear, depthBuffer: true, samples });
    this.copy = new ShaderMaterial({ vertexShader: quadVertex, fragmentShader: copyFragment, uniforms: { source: { value: null } }, depthTest: false, depthWrite: false });
    const uniforms: Record<string, { value: unknown }> = {
      size: { value: [0, 0] },
      rowOffset: { value: 0 },
      exposure: { value: options.exposure },
      heading: { value: 0 },
    };
    this.faces.forEach((f, i) => {
      uniforms[`f${i}`] = { value: f.texture };
      uniforms[`m${i}`] = { value: this.matrices[i] };
    });
    this.equirect = new ShaderMaterial({ vertexShader: quadVertex, fragmentShader: equirectFragment, uniforms, depthTest: false, depthWrite: false });
    this.quad = new Mesh(new PlaneGeometry(2, 2), this.copy);
    this.quad.frustumCulled = false;
    this.quadScene.add(this.quad);
  }

  /** Renders the six faces of the scene seen from `eye`. */
  capture(scene: Scene, eye: Vector3, near: number, far: number) {
    const r = this.renderer;
    r.toneMapping = NoToneMapping;
    r.shadowMap.needsUpdate = true;
    const camera = new PerspectiveCamera(90, 1, near, far);
    FACES.forEach((face, i) => {
      camera.position.copy(eye);
      camera.up.set(...face.up);
      camera.lookAt(eye.clone().add(new Vector3(...face.dir)));
      camera.updateMatrixWorld(true);
      this.matrices[i]!.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse);
      r.setRenderTarget(this.msaa);
      r.clear();
      r.render(scene, camera);
      // Resolve the multisampled image into this face's own texture.
      this.copy.uniforms.source!.value = this.msaa.texture;
      this.quad.material = this.copy;
      r.setRenderTarget(this.faces[i]!);
      r.render(this.quadScene, this.quadCamera);
    });
    // Wait for the GPU, so timings say where the time goes.
    const probe = new Uint16Array(4);
    r.readRenderTargetPixels(this.faces[5]!, 0, 0, 1, 1, probe);
    r.setRenderTarget(null);
  }

  /**
   * Resamples rows [rowOffset, rowOffset + rows) of a width × height panorama whose centre column
   * looks towards `heading` (compass degrees) into `target`
   * (RGBA 8-bit, width × rows) and reads them back; row 0 of the result is the top row.
   */
  strip(width: number, height: number, heading: number, rowOffset: number, rows: number, target: WebGLRenderTarget, out: Uint8Array) {
    const r = this.renderer;
    this.equirect.uniforms.heading!.value = (heading * Math.PI) / 180;
    this.equirect.uniforms.size!.value = [width, height];
    this.equirect.uniforms.rowOffset!.value = rowOffset;
    this.quad.material = this.equirect;
    r.setRenderTarget(target);
    r.render(this.quadScene, this.quadCamera);
    r.readRenderTargetPixels(target, 0, 0, width, rows, out);
    r.setRenderTarget(null);
  }

  static stripTarget(width: number, rows: number) {
    return new WebGLRenderTarget(width, rows, { type: UnsignedByteType, format: RGBAFormat, depthBuffer: false, generateMipmaps: false });
  }

  dispose() {
    for (const f of this.faces) f.dispose();
    this.msaa.dispose();
    this.copy.dispose();
    this.equirect.dispose();
    this.quad.geometry.dispose();
  }
}
