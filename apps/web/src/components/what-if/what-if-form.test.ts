import { describe, expect, it } from "vitest";
import { defaultForm, localInput, toRequest, type WhatIfForm } from "./what-if-form";

const NOW = Date.parse("2026-12-02T09:30:00");
const words = (reason: string) => `<${reason}>`;
const form = (patch: Partial<WhatIfForm> = {}): WhatIfForm => ({
  queueId: "sales",
  ...defaultForm(NOW),
  ...patch,
});
const at = (hoursFromNow: number) => localInput(NOW + hoursFromNow * 3_600_000);

describe("toRequest", () => {
  it("turns a good form into the server's input", () => {
    const request = toRequest(form(), NOW, words);
    expect(request).toMatchObject({ ok: true, input: { queueId: "sales", change: { kind: "strategy" } } });
  });

  it("says each period refusal beside its field, in the page's words", () => {
    const errors = (patch: Partial<WhatIfForm>) => {
      const request = toRequest(form(patch), NOW, words);
      return request.ok ? {} : request.errors;
    };
    expect(errors({ from: "", to: "" })).toEqual({ from: "<required>", to: "<required>" });
    expect(errors({ from: at(-1), to: at(-2) })).toEqual({ to: "<endBeforeStart>" });
    expect(errors({ from: at(-30), to: at(-1) })).toEqual({ to: "<longerThanDay>" });
    expect(errors({ from: at(-1), to: at(1) })).toEqual({ to: "<endInFuture>" });
    expect(errors({ from: at(1), to: at(2) })).toEqual({ from: "<startInFuture>" });
  });
});
