/** Limits that keep a hostile or huge file from exhausting time or memory. */
export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Largest total size of the archive's contents once inflated, in bytes. */
  maxInflatedBytes: number;
  /** Most cells read over all sheets. */
  maxCells: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 200 * 1024 * 1024,
  maxInflatedBytes: 2 * 1024 * 1024 * 1024,
  maxCells: 5_000_000,
};
