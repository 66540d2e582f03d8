/**
 * The board's self-check: a digest of everything a board holds, kept up to date in O(changed) by the
 * server and by every board alike. It is the XOR of one 32-bit hash per record (FNV-1a of the
 * record's kind and its wire JSON), so replacing a record costs two XORs, and any state reaches the
 * same digest whatever order its records came in. A board whose digest differs from the one its
 * batch carries holds something else than the server: it loads a fresh snapshot.
 */
export function recordHash(kind: string, wireJson: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < kind.length; i++) hash = Math.imul(hash ^ kind.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ 10, 0x01000193);
  for (let i = 0; i < wireJson.length; i++) hash = Math.imul(hash ^ wireJson.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
