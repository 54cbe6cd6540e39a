/**
 * `npx tsx scripts/software-webgl-check.ts`: shows, without the app, the SwiftShader fault that painted
 * flat wedges over the panorama (README, "Software WebGL"). One textured triangle, as raw WebGL 2,
 * with one vertex on or near the camera plane (clip-space w = δ, z = −0.2: behind the near plane).
 * GL clips it at the near plane, so it must look the same as the triangle clipped beforehand
 * on the CPU. The script counts the pixels that differ, on SwiftShader (the tests' renderer) and on
 * Mesa's llvmpipe (ANGLE over OpenGL ES, the other software renderer on this machine).
 */
import { chromium } from 'playwright-core';
import { launchBrowser } from '../lib/chromium';

const W = 400;
const H = 200;
const DELTAS = [0, 1e-16, -1e-16, 1e-7, -1e-7, 1e-5, -1e-5, 1e-3, 0.05, -0.3];

// Plain JavaScript, evaluated in the page as it stands (tsx would add helpers the page lacks).
const PAGE = `(({ W, H, deltas }) => {
  const canvas = document.createElement('canvas');
  canvas.width = W; canvas.height = H;
  const gl = canvas.getContext('webgl2', { antialias: false, preserveDrawingBuffer: true });
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  const shader = (type, src) => { const s = gl.createShader(type); gl.shaderSource(s, src); gl.compileShader(s); return s; };
  const prog = gl.createProgram();
  gl.attachShader(prog, shader(gl.VERTEX_SHADER, '#version 300 es\\nin vec4 pos; in vec2 uv; out vec2 vUv; void main() { vUv = uv; gl_Position = pos; }'));
  gl.attachShader(prog, shader(gl.FRAGMENT_SHADER, '#version 300 es\\nprecision highp float; in vec2 vUv; out vec4 o; void main() { o = vec4(vUv, 0.5, 1.0); }'));
  gl.linkProgram(prog); gl.useProgram(prog);
  gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
  const pos = gl.getAttribLocation(prog, 'pos'), uv = gl.getAttribLocation(prog, 'uv');
  gl.enableVertexAttribArray(pos); gl.enableVertexAttribArray(uv);
  gl.vertexAttribPointer(pos, 4, gl.FLOAT, false, 24, 0); gl.vertexAttribPointer(uv, 2, gl.FLOAT, false, 24, 16);
  const draw = (triangles) => {
    gl.clearColor(0, 0, 0, 1); gl.clear(gl.COLOR_BUFFER_BIT);
    const data = new Float32Array(triangles.flat(2));
    gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
    gl.drawArrays(gl.TRIANGLES, 0, data.length / 6);
    const px = new Uint8Array(W * H * 4); gl.readPixels(0, 0, W, H, gl.RGBA, gl.UNSIGNED_BYTE, px); return px;
  };
  // GL's near plane is z >= -w; clip there (Sutherland–Hodgman), every component linearly.
  const clipNear = (tri) => {
    const out = [];
    for (let i = 0; i < tri.length; i++) {
      const p = tri[i], q = tri[(i + 1) % tri.length];
      const dp = p[2] + p[3], dq = q[2] + q[3];
      if (dp >= 0) out.push(p);
      if ((dp >= 0) !== (dq >= 0)) { const t = dp / (dp - dq); out.push(p.map((x, k) => x + t * (q[k] - x))); }
    }
    const fan = [];
    for (let i = 1; i + 1 < out.length; i++) fan.push([out[0], out[i], out[i + 1]]);
    return fan;
  };
  const rows = deltas.map((d) => {
    // x y z w u v: two corners in view, and one on the camera plane (the library tile r0_1 at yaw 180, pitch 35, fov 100).
    const tri = [[-0.834, 0.431, 1.19, 1.39, 1, 0], [-0.836, -1.009, 0.62, 0.82, 1, 1], [-0.84, -1.0, -0.2002, d, 0, 1]];
    const a = draw([tri]), b = draw(clipNear(tri));
    let differing = 0;
    for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) > 6) differing++;
    return { w: d, differing };
  });
  return { renderer, rows };
})`;

async function run(label: string, browser: Awaited<ReturnType<typeof chromium.launch>>) {
  const page = await browser.newPage();
  const result = (await page.evaluate(`${PAGE}(${JSON.stringify({ W, H, deltas: DELTAS })})`)) as {
    renderer: string;
    rows: { w: number; differing: number }[];
  };
  await browser.close();
  console.log(`${label}: ${result.renderer}`);
  for (const row of result.rows) console.log(`  w = ${String(row.w).padEnd(6)}  ${row.differing} of ${W * H} pixels differ from the clipped triangle`);
}

await run('SwiftShader (the tests’ flags)', await launchBrowser());
// No --disable-gpu here: with it, Chromium always falls back to SwiftShader.
await run(
  'llvmpipe',
  await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--use-angle=gl-egl', '--ignore-gpu-blocklist'] }),
);
