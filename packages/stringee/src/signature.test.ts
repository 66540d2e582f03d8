import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signStringeeBody, verifyStringeeSignature } from "./signature.ts";

const SECRET = "signing-secret-123";
const BODY =
  '{"call_id":"call-vn-1-ZD3IDIXS1J-1515820305477","call_status":"ended","timestamp_ms":1515820305477}';

describe("Stringee webhook signature", () => {
  it("is base64(HMAC-SHA1(secret, raw body)) — known answer", () => {
    // Known answer computed independently of the module under test.
    const expected = createHmac("sha1", SECRET).update(Buffer.from(BODY, "utf8")).digest().toString("base64");
    expect(signStringeeBody(SECRET, BODY)).toBe(expected);
    expect(signStringeeBody(SECRET, Buffer.from(BODY))).toBe(expected);
    expect(signStringeeBody("key", "The quick brown fox jumps over the lazy dog")).toBe(
      // RFC 2104 test vector de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9, in base64.
      Buffer.from("de7c9b85b8b78aa6bc8a7a36f70a90701c9db4d9", "hex").toString("base64"),
    );
  });

  it("verifies the right signature for string and Buffer bodies", () => {
    const header = signStringeeBody(SECRET, BODY);
    expect(verifyStringeeSignature(SECRET, BODY, header)).toBe(true);
    expect(verifyStringeeSignature(SECRET, Buffer.from(BODY), header)).toBe(true);
  });

  it("refuses a wrong secret, a changed body, and missing or garbage headers", () => {
    const header = signStringeeBody(SECRET, BODY);
    expect(verifyStringeeSignature("other-secret", BODY, header)).toBe(false);
    expect(verifyStringeeSignature(SECRET, `${BODY} `, header)).toBe(false);
    expect(verifyStringeeSignature(SECRET, BODY, undefined)).toBe(false);
    expect(verifyStringeeSignature(SECRET, BODY, "")).toBe(false);
    expect(verifyStringeeSignature(SECRET, BODY, "not base64 at all!!")).toBe(false);
    expect(verifyStringeeSignature(SECRET, BODY, `${header}AAAA`)).toBe(false);
    expect(verifyStringeeSignature(SECRET, BODY, header.slice(0, -2))).toBe(false);
    // A SHA-256 hex digest (what one third-party handler checks) is not Stringee's signature.
    const sha256Hex = createHmac("sha256", SECRET).update(BODY).digest("hex");
    expect(verifyStringeeSignature(SECRET, BODY, sha256Hex)).toBe(false);
  });
});
