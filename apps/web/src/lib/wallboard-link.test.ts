import { describe, expect, it } from "vitest";
import { fragmentToken, legacyWallboardRedirect, wallboardLink } from "./wallboard-link.ts";

describe("wallboard links", () => {
  it("put the token in the fragment, which no request carries", () => {
    const link = new URL(wallboardLink("http://tv.example:3000", "a-b_c+/="));
    expect(link.pathname).toBe("/wallboard");
    expect(link.search).toBe("");
    expect(fragmentToken(link.hash)).toBe("a-b_c+/=");
  });

  it("read no token from an empty or foreign fragment", () => {
    expect(fragmentToken("")).toBeNull();
    expect(fragmentToken("#")).toBeNull();
    expect(fragmentToken("#token=")).toBeNull();
    expect(fragmentToken("#queues=sales")).toBeNull();
  });

  it("redirect an old ?token= link to the fragment, keeping the display options", () => {
    const target = legacyWallboardRedirect(
      new URL("http://h:3000/wallboard?queues=sales,vip&token=t%2B1&rotate=20"),
    );
    expect(target?.pathname).toBe("/wallboard");
    expect(target?.searchParams.get("token")).toBeNull();
    expect(target?.search).toBe("?queues=sales%2Cvip&rotate=20");
    expect(fragmentToken(target?.hash ?? "")).toBe("t+1");
    expect(legacyWallboardRedirect(new URL("http://h:3000/wallboard?token=x"))?.href).toBe(
      "http://h:3000/wallboard#token=x",
    );
  });

  it("leave every other address alone", () => {
    expect(legacyWallboardRedirect(new URL("http://h:3000/wallboard?queues=sales#token=x"))).toBeNull();
    expect(legacyWallboardRedirect(new URL("http://h:3000/admin/wallboards?token=x"))).toBeNull();
    expect(legacyWallboardRedirect(new URL("http://h:3000/wallboard"))).toBeNull();
  });
});
