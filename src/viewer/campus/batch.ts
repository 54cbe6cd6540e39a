/**
 * Static geometry merged per material: a campus of thousands of parts draws in a few dozen calls,
 * which is what keeps the live overview smooth on a phone (and on a CPU renderer).
 */
import {
  BufferAttribute,
  BufferGeometry,
  Color,
  Group,
  Matrix4,
  Mesh,
  MeshStandardMaterial,
  type Material,
  type Texture,
} from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

interface Part {
  geometry: BufferGeometry;
  castShadow: boolean;
}

/** Collects geometry by material; `build` merges each material's parts into one mesh. */
export class Batch {
  private readonly parts = new Map<Material, Part[]>();

  /** Adds a copy of `geometry`, moved by `matrix`, drawn with `material`; an optional colour tints its vertices. */
  add(geometry: BufferGeometry, material: Material, matrix?: Matrix4, options: { castShadow?: boolean; colour?: Color } = {}) {
    let g = geometry.index ? geometry.toNonIndexed() : geometry.clone();
    for (const name of Object.keys(g.attributes)) {
      if (name !== 'position' && name !== 'normal' && name !== 'uv' && name !== 'color') g.deleteAttribute(name);
    }
    if (!g.getAttribute('normal')) g.computeVertexNormals();
    const count = g.getAttribute('position').count;
    if (!g.getAttribute('uv')) g.setAttribute('uv', new BufferAttribute(new Float32Array(count * 2), 2));
    if (!g.getAttribute('color')) {
      const c = options.colour ?? new Color(1, 1, 1);
      const colours = new Float32Array(count * 3);
      for (let i = 0; i < count; i++) colours.set([c.r, c.g, c.b], i * 3);
      g.setAttribute('color', new BufferAttribute(colours, 3));
    }
    if (matrix) g = g.applyMatrix4(matrix);
    const list = this.parts.get(material) ?? [];
    list.push({ geometry: g, castShadow: options.castShadow ?? true });
    this.parts.set(material, list);
  }

  /** Adds every mesh below `object` (with its world transform relative to `object`'s parent). */
  addObject(object: Group | Mesh, options: { castShadow?: boolean } = {}) {
    object.updateMatrixWorld(true);
    object.traverse((child) => {
      if (child instanceof Mesh && !Array.isArray(child.material)) this.add(child.geometry, child.material, child.matrixWorld, options);
    });
  }

  build(name: string): Group {
    const group = new Group();
    group.name = name;
    for (const [material, parts] of this.parts) {
      for (const cast of [true, false]) {
        const chosen = parts.filter((p) => p.castShadow === cast).map((p) => p.geometry);
        if (chosen.length === 0) continue;
        const merged = mergeGeometries(chosen, false);
        for (const g of chosen) g.dispose();
        if (!merged) continue;
        merged.computeBoundingSphere();
        const mesh = new Mesh(merged, material);
        mesh.castShadow = cast;
        mesh.receiveShadow = true;
        mesh.matrixAutoUpdate = false;
        group.add(mesh);
      }
    }
    this.parts.clear();
    return group;
  }
}

export interface SurfaceLook {
  colour: string;
  roughness?: number;
  metalness?: number;
  map?: Texture | null;
  emissive?: string;
  emissiveIntensity?: number;
  /** Whether the batch's vertex colours tint it (set by the batch: always true). */
  flatShading?: boolean;
  transparent?: boolean;
  opacity?: number;
}

/** Materials shared by key, so equal surfaces batch together and are made once. */
export class MaterialLibrary {
  private readonly cache = new Map<string, MeshStandardMaterial>();
  readonly textures: Texture[] = [];

  get(key: string, look: SurfaceLook | (() => SurfaceLook)): MeshStandardMaterial {
    const found = this.cache.get(key);
    if (found) return found;
    const l = typeof look === 'function' ? look() : look;
    const m = new MeshStandardMaterial({
      color: l.colour,
      roughness: l.roughness ?? 0.85,
      metalness: l.metalness ?? 0,
      map: l.map ?? null,
      emissive: l.emissive ?? '#000000',
      emissiveIntensity: l.emissiveIntensity ?? 1,
      flatShading: l.flatShading ?? false,
      transparent: l.transparent ?? false,
      opacity: l.opacity ?? 1,
      vertexColors: true,
    });
    m.name = key;
    if (l.map) this.textures.push(l.map);
    this.cache.set(key, m);
    return m;
  }

  /** A material made elsewhere, kept for disposal. */
  keep(key: string, material: MeshStandardMaterial): MeshStandardMaterial {
    const found = this.cache.get(key);
    if (found) return found;
    this.cache.set(key, material);
    return material;
  }

  dispose() {
    for (const m of this.cache.values()) m.dispose();
    for (const t of this.textures) t.dispose();
    this.cache.clear();
  }
}
