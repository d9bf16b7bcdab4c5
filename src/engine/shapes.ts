/**
 * V8 forgets the hidden class of a class's instances once all of them are collected, and throws
 * away the optimised code built for that class; the next check then starts unoptimised. Every
 * check builds its scans and statuses afresh, so between two checks (the pane checking again, a
 * batch worker's next file, the benchmark's runs) none survives a full collection. One small
 * instance of each such class, kept here, keeps its hidden class and the code built for it.
 */
const kept: object[] = [];

export function keepShape(instance: object): void {
  kept.push(instance);
}
