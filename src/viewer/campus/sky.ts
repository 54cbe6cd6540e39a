/**
 * Sky and daylight: a sky dome drawn by a shader (gradient, sun disc and glow, drifting clouds,
 * all a function of direction, so a panorama has no seam), the sun as a shadow-casting light,
 * sky light from a hemisphere light, and a fog that matches the horizon.
 */
import { BackSide, Color, DirectionalLight, Fog, HemisphereLight, Mesh, ShaderMaterial, SphereGeometry, Vector3 } from 'three';
import type { CampusModel } from '../../content/campusModel';
import { DEG } from './shapes';

export interface Daylight {
  dome: Mesh;
  sun: DirectionalLight;
  hemisphere: HemisphereLight;
  fog: Fog;
  /** Unit vector towards the sun. */
  sunDirection: Vector3;
  horizon: Color;
}

const vertexShader = /* glsl */ `
varying vec3 vWorld;
void main() {
  vec4 world = modelMatrix * vec4(position, 1.0);
  vWorld = world.xyz;
  gl_Position = projectionMatrix * viewMatrix * world;
  gl_Position.z = gl_Position.w; // always at the far plane
}`;

const fragmentShader = /* glsl */ `
uniform vec3 sunDirection;
uniform vec3 zenith;
uniform vec3 horizon;
uniform vec3 groundColour;
uniform vec3 sunColour;
uniform float cloudCover;
varying vec3 vWorld;

float hash(vec2 p) {
  p = fract(p * vec2(123.34, 456.21));
  p += dot(p, p + 45.32);
  return fract(p.x * p.y);
}
float noise(vec2 p) {
  vec2 i = floor(p);
  vec2 f = fract(p);
  vec2 u = f * f * (3.0 - 2.0 * f);
  return mix(mix(hash(i), hash(i + vec2(1.0, 0.0)), u.x), mix(hash(i + vec2(0.0, 1.0)), hash(i + vec2(1.0, 1.0)), u.x), u.y);
}
float fbm(vec2 p) {
  float v = 0.0;
  float a = 0.5;
  for (int i = 0; i < 6; i++) {
    v += a * noise(p);
    p = p * 2.03 + vec2(17.1, 9.2);
    a *= 0.5;
  }
  return v;
}

void main() {
  vec3 d = normalize(vWorld - cameraPosition);
  float h = d.y;
  vec3 col = mix(horizon, zenith, pow(clamp(h, 0.0, 1.0), 0.5));
  // Below the horizon: a haze that meets the far ground.
  col = mix(col, mix(horizon, groundColour, 0.5), smoothstep(0.0, -0.08, h));
  float s = max(dot(d, sunDirection), 0.0);
  col += sunColour * (0.06 * pow(s, 4.0) + 0.35 * pow(s, 48.0) + 0.6 * pow(s, 600.0));
  col += sunColour * 24.0 * smoothstep(0.99990, 0.99996, s);
  if (h > 0.0) {
    // Clouds on a layer overhead; thinner towards the horizon.
    vec2 uv = d.xz / (h + 0.12) * 1.6;
    float n = fbm(uv + vec2(3.7, 1.3));
    float detail = fbm(uv * 3.1 + vec2(9.1, 4.4));
    float c = smoothstep(1.0 - cloudCover, 1.0 - cloudCover + 0.28, n * 0.8 + detail * 0.3);
    float lit = 0.75 + 0.5 * pow(s, 3.0);
    vec3 cloud = mix(horizon * 0.95, vec3(1.0, 0.99, 0.96) * 1.25 * lit, clamp(detail * 1.4, 0.0, 1.0));
    col = mix(col, cloud, c * smoothstep(0.0, 0.12, h) * 0.92);
  }
  gl_FragColor = vec4(col, 1.0);
  #include <tonemapping_fragment>
  #include <colorspace_fragment>
}`;

/** Light and sky for a model's `sky` settings. Colours are linear; the renderer tone-maps them. */
export function createDaylight(model: CampusModel): Daylight {
  const { sunHeading, sunElevation, clouds, haze } = model.sky;
  const el = sunElevation * DEG;
  const sunDirection = new Vector3(Math.sin(sunHeading * DEG) * Math.cos(el), Math.sin(el), -Math.cos(sunHeading * DEG) * Math.cos(el)).normalize();
  const low = 1 - Math.min(1, sunElevation / 40); // warmer light when the sun is low
  const zenith = new Color('#2e66b8').lerp(new Color('#7d9cc0'), haze * 0.6);
  const horizon = new Color('#bcd3e6').lerp(new Color('#e9dcc8'), low * 0.6 + haze * 0.2);
  const sunColour = new Color('#fff4e0').lerp(new Color('#ffc98a'), low * 0.7);
  const ground = new Color(model.backdrop.ground);

  const material = new ShaderMaterial({
    vertexShader,
    fragmentShader,
    uniforms: {
      sunDirection: { value: sunDirection },
      zenith: { value: zenith },
      horizon: { value: horizon },
      groundColour: { value: ground },
      sunColour: { value: sunColour },
      cloudCover: { value: 0.15 + clouds * 0.7 },
    },
    side: BackSide,
    depthWrite: false,
    fog: false,
  });
  const dome = new Mesh(new SphereGeometry(7000, 64, 32), material);
  dome.name = 'sky';
  dome.renderOrder = -1;
  dome.frustumCulled = false;

  const sun = new DirectionalLight(sunColour, 2.6 + (1 - low) * 0.6);
  sun.name = 'sun';
  sun.castShadow = true;
  sun.shadow.bias = -0.0004;
  sun.shadow.normalBias = 0.04;
  sun.shadow.radius = 2; // softer edges (PCF)
  const hemisphere = new HemisphereLight(zenith.clone().lerp(new Color('#ffffff'), 0.4), ground.clone().multiplyScalar(0.6), 0.55);
  const fogColour = horizon.clone().lerp(new Color('#ffffff'), 0.05);
  const fog = new Fog(fogColour, 300 + (1 - haze) * 700, 4500 + (1 - haze) * 6000);
  return { dome, sun, hemisphere, fog, sunDirection, horizon };
}

/**
 * Points the sun's shadow at a part of the campus: a square of `radius` metres round `focus`.
 * The baker aims it at each stop; the overview at the whole campus.
 */
export function aimSun(light: Daylight, focus: [number, number], radius: number, mapSize: number) {
  const { sun, sunDirection } = light;
  const target = new Vector3(focus[0], 0, focus[1]);
  sun.position.copy(target).addScaledVector(sunDirection, radius * 2 + 200);
  sun.target.position.copy(target);
  sun.target.updateMatrixWorld();
  const cam = sun.shadow.camera;
  cam.left = -radius;
  cam.right = radius;
  cam.top = radius;
  cam.bottom = -radius;
  cam.near = 1;
  cam.far = radius * 4 + 400;
  cam.updateProjectionMatrix();
  if (sun.shadow.mapSize.x !== mapSize) {
    sun.shadow.mapSize.set(mapSize, mapSize);
    sun.shadow.map?.dispose();
    sun.shadow.map = null;
  }
}
