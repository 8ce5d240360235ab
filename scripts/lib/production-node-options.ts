/**
 * Node flags for the production server. V8 otherwise lets the heap grow
 * towards a quarter of the machine's memory before collecting hard: serving
 * large threads under load, `next start` reached 530 MB resident. A fixed
 * old-space ceiling keeps an instance's footprint predictable.
 */
export const PRODUCTION_NODE_OPTIONS = "--max-old-space-size=192";

/** NODE_OPTIONS for a production server, keeping any the caller already set. */
export function productionNodeOptions(existing = process.env.NODE_OPTIONS): string {
  return [existing, PRODUCTION_NODE_OPTIONS].filter(Boolean).join(" ");
}
