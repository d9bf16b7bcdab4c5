/** Limits that keep a hostile or huge file from exhausting time or memory. */
export interface ReadLimits {
  /** Largest file accepted, in bytes (`--max-bytes`). */
  maxBytes: number;
  /** Largest total size of the archive's contents once inflated, in bytes. */
  maxInflatedBytes: number;
  /** Most cells read over all sheets (`--max-cells`); also the most shared strings. */
  maxCells: number;
  /** Most parts (files) in the archive. */
  maxEntries: number;
  /** Deepest nesting of XML elements in the parts the reader parses. */
  maxXmlDepth: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 200 * 1024 * 1024,
  maxInflatedBytes: 2 * 1024 * 1024 * 1024,
  maxCells: 5_000_000,
  // A workbook with 1,000 sheets, each with its drawing, comments and relationships, stays well below.
  maxEntries: 20_000,
  // SpreadsheetML nests about 10 deep (worksheet › extLst › ext › … › xm:f); 100 leaves room for any writer.
  maxXmlDepth: 100,
};
