import { createHash, randomBytes, randomInt } from "node:crypto";

/** 32 random bytes (256 bits), base64url: what a cookie or a wallboard URL carries. */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * What the database stores instead of the token (Lucia's pattern): a stolen database or backup
 * lets no one sign in, and lookups stay exact-match on an index.
 */
export function tokenDigest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A memorable one-off password for the embedded demo: 4 groups of 5 from an unambiguous alphabet. */
export function newDemoPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  let out = "";
  for (let i = 0; i < 20; i++) {
    if (i > 0 && i % 5 === 0) out += "-";
    out += alphabet[randomInt(alphabet.length)];
  }
  return out;
}
