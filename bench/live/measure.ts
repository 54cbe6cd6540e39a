/** What the live benchmarks measure with: a process's CPU and memory from /proc, and percentiles. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { now } from './shared';

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

interface ProcSample {
  cpuTicks: number;
  rssKb: number;
}

export function sample(pid: number): ProcSample | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    return { cpuTicks: Number(fields[11]) + Number(fields[12]), rssKb: Number(rss ?? 0) };
  } catch {
    return null;
  }
}

/** Samples a process's CPU and memory once a second until stopped. */
export function monitor(pid: number) {
  const first = sample(pid);
  const started = now();
  let peakKb = first?.rssKb ?? 0;
  let last = first;
  const timer = setInterval(() => {
    const s = sample(pid);
    if (!s) return;
    peakKb = Math.max(peakKb, s.rssKb);
    last = s;
  }, 1000);
  return () => {
    clearInterval(timer);
    const end = sample(pid) ?? last;
    const seconds = (now() - started) / 1000;
    const cpu = first && end ? ((end.cpuTicks - first.cpuTicks) / CLK_TCK / seconds) * 100 : NaN;
    return { cpuPercent: round(cpu, 1), rssMb: round((end?.rssKb ?? 0) / 1024, 1), peakRssMb: round(Math.max(peakKb, end?.rssKb ?? 0) / 1024, 1) };
  };
}

export function percentiles(values: number[]) {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return { count: sorted.length, p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1] ?? NaN) };
}
