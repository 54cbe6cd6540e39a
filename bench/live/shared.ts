/** What the benchmark's orchestrator (run.ts) and its load processes (load.ts) share. */

/** A camera update's sequence number travels in its yaw: `yaw = -180 + seq * YAW_STEP`. */
export const YAW_STEP = 0.05;

/** CLOCK_MONOTONIC in milliseconds: the same clock in every process on the machine. */
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

export type Command =
  | { cmd: 'guide'; url: string }
  | { cmd: 'delegates'; url: string; code: string; count: number; first: number }
  /** `dropAtMs`: the guide's connection drops (as a reload or a lost network would) this far into the run. */
  | { cmd: 'run'; seconds: number; viewHz: number; stateEveryMs: number; dropAtMs?: number | undefined }
  | { cmd: 'report' }
  | { cmd: 'resynced'; rev: number; since: number }
  | { cmd: 'stop' };

export type Event =
  | { ev: 'started'; code: string; token: string }
  | { ev: 'joined'; count: number }
  /** `offlineRevs`: changes the guide made while its connection was down (re-sent, the latest only, when back). */
  | { ev: 'ran'; viewSent: number[]; stateSent: number[]; rev: number; pingRtt: number[]; offlineRevs: number[]; reconnectMs: number | null }
  | { ev: 'report'; viewRecv: number[][]; stateRecv: number[][]; revsSeen: number[][]; errors: Record<string, number> }
  | { ev: 'resynced'; times: number[] };
