/**
 * The 3D description of a campus (assets/models/<campus>.json): the single source of its types.
 * One file drives both the live 3D overview and the panorama baker, so there is no second copy of
 * the layout anywhere.
 *
 * Units and axes:
 * - Lengths are metres. A position is `[x, z]` on the ground: +x is east, +z is south, so north
 *   is −z; heights are metres above the ground (+y). This is three.js's frame.
 * - Angles are degrees, as compass headings seen from above: 0 looks north (−z), 90 east (+x),
 *   180 south, −90 west. That is the viewer's yaw (src/viewer/viewMath.ts: yaw 0 looks down −Z,
 *   positive yaw turns right towards +X), so a stop's `heading` is the world direction of its
 *   panorama's centre column: content yaw θ at that stop looks towards heading + θ.
 * - A building's `facing` is the heading its front (the side its width runs along, with the
 *   entrance and the name) looks towards; 180 faces south.
 * - Colours are "#rrggbb".
 */
import { z } from './zod';
import { id, localizedText } from './schema';

const finite = (what: string) => z.number({ error: `${what} must be a number` }).refine(Number.isFinite, `${what} must be a finite number`);
const positive = (what: string) => z.number({ error: `${what} must be a number` }).positive({ message: `${what} must be more than 0` });

/** A point on the ground, [x, z] in metres (+x east, +z south). */
export const point = z.tuple([finite('x'), finite('z')], { error: 'a point is [x, z] in metres, like [12.5, -40]' });
/** A width and depth in metres. */
export const extent = z.tuple([positive('the width'), positive('the depth')], { error: 'a size is [width, depth] in metres, like [60, 24]' });
export const colour = z.string({ error: 'a colour is "#rrggbb"' }).regex(/^#[0-9a-fA-F]{6}$/, { message: 'a colour is "#rrggbb", like "#d8d2c4"' });
/** A compass heading in degrees: 0 north (−z), 90 east (+x), 180 south. */
export const heading = z
  .number({ error: 'a heading must be a number of degrees' })
  .min(-360, { message: 'a heading must be between -360 and 360 degrees' })
  .max(360, { message: 'a heading must be between -360 and 360 degrees' });

export type Point = z.infer<typeof point>;

/** Text written on something in the model: a sign, a board, a panel. Both languages are shown. */
export const signText = localizedText;

/** A sign on a face of a building: Chinese above, English below. */
export const sign = z.strictObject({
  text: signText,
  /** The face it is on, seen from outside: front, back, left or right (as you face the front). */
  face: z.enum(['front', 'back', 'left', 'right'], { message: 'face must be "front", "back", "left" or "right"' }).default('front'),
  /** Height of its centre above the ground; under the roof line when left out. */
  height: positive('the sign height').optional(),
  /** Height of the Chinese characters, in metres. */
  size: positive('the letter size').default(2.4),
  /** Sideways shift along the face, metres, + to the right as you face it. */
  offset: finite('offset').default(0),
  /** "letters" stand free on the facade; "board" sits on a plate. */
  style: z.enum(['letters', 'board'], { message: 'style must be "letters" or "board"' }).default('letters'),
  colour: colour.default('#b3261e'),
});
export type Sign = z.infer<typeof sign>;

export const roof = z.strictObject({
  shape: z.enum(['flat', 'gable', 'hip', 'sawtooth', 'vault'], { message: 'roof shape must be "flat", "gable", "hip", "sawtooth" or "vault"' }),
  colour: colour,
  /** Height of a pitched roof above the top floor. */
  rise: positive('the roof rise').optional(),
});

export const windows = z.strictObject({
  /** punched: one window per bay; ribbon: bands; curtain: all glass; workshop: tall high windows; none. */
  style: z.enum(['punched', 'ribbon', 'curtain', 'workshop', 'none'], {
    message: 'window style must be "punched", "ribbon", "curtain", "workshop" or "none"',
  }),
  /** Width of one window bay in metres. */
  bay: positive('the bay width').default(3.6),
  glass: colour.default('#5f7f98'),
  frame: colour.default('#e9ecef'),
});

/** An extra block of a building, in the building's own frame (x along the front, z to the back). */
export const wing = z.strictObject({
  offset: point,
  size: extent,
  floors: z.number().int().min(1).max(60),
});

export const building = z.strictObject({
  id,
  /** What the building is; for people reading the model. */
  label: signText.optional(),
  /** Centre of the footprint. */
  position: point,
  /** [width along the front, depth]. */
  size: extent,
  facing: heading.default(180),
  floors: z.number({ error: 'floors must be a whole number' }).int().min(1).max(60),
  floorHeight: positive('the floor height').default(3.9),
  colour,
  /** Bands, parapet and columns. */
  trim: colour.default('#f2efe8'),
  roof: roof.default({ shape: 'flat', colour: '#8c8f93' }),
  windows: windows.default({ style: 'punched', bay: 3.6, glass: '#5f7f98', frame: '#e9ecef' }),
  wings: z.array(wing).default([]),
  /** A porch with columns at the middle of the front. */
  entrance: z.boolean().default(true),
  signs: z.array(sign).default([]),
});
export type Building = z.infer<typeof building>;

/** A campus gate: two pylons and a lintel with the college's name, across a road. */
export const gate = z.strictObject({
  id,
  position: point,
  facing: heading.default(180),
  /** The opening between the pylons. */
  width: positive('the gate width'),
  height: positive('the gate height'),
  colour,
  accent: colour.default('#1d4e89'),
  sign: signText,
  /** A smaller line under the name on the lintel. */
  subtitle: signText.optional(),
});
export type Gate = z.infer<typeof gate>;

export const road = z.strictObject({
  points: z.array(point).min(2, { message: 'a road needs at least two points' }),
  width: positive('the road width'),
  kind: z.enum(['road', 'path'], { message: 'a road kind is "road" or "path"' }).default('road'),
});

const polygonShape = z.strictObject({ polygon: z.array(point).min(3, { message: 'a polygon needs at least three points' }) });
const ellipseShape = z.strictObject({ centre: point, radius: extent, rotation: heading.default(0) });

/** A surface on the ground: lawn, paving, parking, water or a flower bed. */
export const area = z.strictObject({
  kind: z.enum(['lawn', 'plaza', 'parking', 'water', 'garden'], { message: 'an area kind is "lawn", "plaza", "parking", "water" or "garden"' }),
  shape: z.union([polygonShape, ellipseShape], { error: 'an area shape is { "polygon": [[x, z], …] } or { "centre": [x, z], "radius": [rx, rz] }' }),
});
export type Area = z.infer<typeof area>;

export const treeKind = z.enum(['round', 'conical'], { message: 'a tree kind is "round" or "conical"' });
export const trees = z.strictObject({
  /** Trees along a line, every `spacing` metres. */
  rows: z.array(z.strictObject({ from: point, to: point, spacing: positive('the spacing'), kind: treeKind.default('round') })).default([]),
  /** Trees scattered in a circle (placed by a seeded random generator: the same every time). */
  clusters: z.array(z.strictObject({ centre: point, radius: positive('the radius'), count: z.number().int().min(1).max(400), kind: treeKind.default('round') })).default([]),
});

/** A sports facility: a 400 m running track with a football pitch, or a row of courts. */
export const sport = z.strictObject({
  kind: z.enum(['track', 'courts'], { message: 'a sport kind is "track" or "courts"' }),
  position: point,
  /** Direction of the long axis. */
  facing: heading.default(0),
  /** Courts only: how many side by side. */
  count: z.number().int().min(1).max(12).default(1),
  /** A grandstand on this side of the long axis ("left" or "right" as you look along `facing`). */
  stand: z.enum(['left', 'right', 'none']).default('none'),
});

export const prop = z.strictObject({
  kind: z.enum(['flagpole', 'lamp', 'bench', 'sculpture', 'car', 'pavilion', 'bus-stop', 'bike-rack'], {
    message: 'a prop kind is flagpole, lamp, bench, sculpture, car, pavilion, bus-stop or bike-rack',
  }),
  position: point,
  facing: heading.default(0),
  colour: colour.optional(),
});

/** Far scenery: a flat plain or hills, and a few landmarks far away. */
export const backdrop = z.strictObject({
  style: z.enum(['plain', 'hills'], { message: 'backdrop style is "plain" or "hills"' }),
  /** Ground outside the campus. */
  ground: colour,
  /** Ridges on the horizon: how far, how high. */
  hills: z
    .strictObject({ distance: z.tuple([positive('the near distance'), positive('the far distance')]), height: z.tuple([positive('the low height'), positive('the high height')]), colour })
    .optional(),
  /** Low blocks of a town far off, in these heading ranges. */
  town: z.array(z.strictObject({ from: heading, to: heading, distance: positive('the distance') })).default([]),
  /** An airport control tower and aircraft in the sky. */
  airport: z.strictObject({ position: point, aircraft: z.array(z.strictObject({ position: point, altitude: positive('the altitude'), facing: heading })).default([]) }).optional(),
});

export const sky = z.strictObject({
  /** Sun position: heading it shines from, and height above the horizon in degrees. */
  sunHeading: heading,
  sunElevation: z.number().min(5).max(85),
  /** 0 clear … 1 overcast. */
  clouds: z.number().min(0).max(1).default(0.35),
  /** 0 clear air … 1 thick haze. */
  haze: z.number().min(0).max(1).default(0.3),
});

export const roomKind = z.enum(
  ['reading-room', 'mechanical-workshop', 'vehicle-workshop', 'ai-lab', 'electrical-workshop', 'classroom', 'exhibition-hall'],
  { message: 'a room kind is reading-room, mechanical-workshop, vehicle-workshop, ai-lab, electrical-workshop, classroom or exhibition-hall' },
);
export type RoomKind = z.infer<typeof roomKind>;

/** The inside of a room, for a stop indoors. The room is centred on the viewpoint and turned so its front wall is straight ahead (the heading). */
export const room = z.strictObject({
  kind: roomKind,
  /** [width across the heading, depth along it]. */
  size: extent,
  height: positive('the room height'),
  wall: colour.default('#eeece6'),
  floor: colour.default('#b9b4a8'),
  /** Where the camera stands, from the room's centre: [right, forward] in metres. */
  offset: point.default([0, 0]),
  /** The sign on the front wall. */
  sign: signText.optional(),
  /** Boards on the walls (exhibition panels, notices): a title in both languages and a picture. */
  panels: z
    .array(
      z.strictObject({
        title: signText,
        picture: z.enum(['panda', 'globe', 'map', 'gear', 'handshake', 'chart'], { message: 'a panel picture is panda, globe, map, gear, handshake or chart' }).default('map'),
      }),
    )
    .default([]),
  /** The walls with windows. */
  windows: z.array(z.enum(['front', 'back', 'left', 'right'])).default(['left']),
});
export type Room = z.infer<typeof room>;

export const viewpoint = z.strictObject({
  position: point,
  /** Eye height above the ground (or the room's floor), metres. */
  eyeHeight: positive('the eye height').default(1.6),
  /** The world heading of the panorama's centre column (content yaw 0). */
  heading,
  /** Left out for a stop outdoors. */
  interior: room.optional(),
});
export type Viewpoint = z.infer<typeof viewpoint>;

export const campusModel = z.strictObject({
  /** The campus id, as in assets/content/campuses/<id>.json. */
  campus: id,
  /** A seed for everything placed at random (trees, parked cars): the same seed, the same campus. */
  seed: z.number().int().default(1),
  /** The campus grounds, for the overview's camera bounds and the fence. */
  bounds: z.strictObject({ min: point, max: point }),
  /** Ground inside the campus. */
  ground: colour.default('#7d9a5a'),
  sky,
  backdrop,
  buildings: z.array(building),
  gates: z.array(gate).default([]),
  roads: z.array(road).default([]),
  areas: z.array(area).default([]),
  trees: trees.default({ rows: [], clusters: [] }),
  sports: z.array(sport).default([]),
  props: z.array(prop).default([]),
  /** One per stop of the campus, keyed by the stop's id. */
  viewpoints: z.record(id, viewpoint),
});
export type CampusModel = z.infer<typeof campusModel>;
export type CampusModelInput = z.input<typeof campusModel>;

export const MODELS_DIR = 'assets/models';
export const modelFile = (campusId: string) => `${MODELS_DIR}/${campusId}.json`;
