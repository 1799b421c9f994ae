/**
 * Resident memory of this process (simulators and players share it), in MB. A resource bound,
 * not a timing: the corpus may not make it grow past `MEMORY_GROWTH_LIMIT_MB`.
 */
export function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024)
}

/** Generous: the DMP keeps up to 64 MiB of each oversized body as evidence while it is judged. */
export const MEMORY_GROWTH_LIMIT_MB = 300
