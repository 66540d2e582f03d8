import { describe, expect, it } from "vitest";
import { isValidPhoneNumber, PHONE_NUMBER_RULE } from "./phone-number.ts";

const VALID: [string, string][] = [
  ["84912345678", "Vietnamese mobile, country code first"],
  ["+84912345678", "with a leading +"],
  ["12345678", "8 digits, the minimum"],
  ["+12345678", "8 digits with +"],
  ["123456789012345", "15 digits, E.164's maximum"],
  ["+123456789012345", "15 digits with +"],
  ["14155552671", "US number"],
  ["442071838750", "UK number"],
  ["90000000", "zeros after the first digit"],
];

const INVALID: [string, string][] = [
  ["", "empty"],
  ["+", "only a plus"],
  ["0912345678", "national format, leading 0"],
  ["+0912345678", "leading 0 after +"],
  ["1234567", "7 digits, too short"],
  ["+1234567", "7 digits with +, too short"],
  ["1234567890123456", "16 digits, too long"],
  ["+1234567890123456", "16 digits with +, too long"],
  ["84 912 345 678", "spaces"],
  [" 84912345678", "leading space"],
  ["84912345678 ", "trailing space"],
  ["84912345678\n", "trailing newline"],
  ["84-912-345-678", "dashes"],
  ["(84)912345678", "parentheses"],
  ["84912345abc", "letters"],
  ["8491234567x", "trailing letter"],
  ["++84912345678", "double plus"],
  ["84+912345678", "plus in the middle"],
  ["84912345678+", "plus at the end"],
  ["８４９１２３４５６７８", "full-width digits"],
  ["٨٤٩١٢٣٤٥٦٧٨", "Arabic-Indic digits"],
  ["8491234.5678", "a dot"],
];

describe("isValidPhoneNumber", () => {
  it.each(VALID)("accepts %j (%s)", (value) => {
    expect(isValidPhoneNumber(value)).toBe(true);
  });

  it.each(INVALID)("rejects %j (%s)", (value) => {
    expect(isValidPhoneNumber(value)).toBe(false);
  });

  it("accepts exactly the lengths 8..15 for digit strings that start 1-9", () => {
    for (let length = 1; length <= 20; length++) {
      const digits = `9${"1".repeat(length - 1)}`;
      const inRange = length >= 8 && length <= 15;
      expect(isValidPhoneNumber(digits), digits).toBe(inRange);
      expect(isValidPhoneNumber(`+${digits}`), `+${digits}`).toBe(inRange);
      expect(isValidPhoneNumber(`0${digits.slice(1)}`), `0${digits.slice(1)}`).toBe(false);
    }
  });

  it("explains the rule in words", () => {
    expect(PHONE_NUMBER_RULE).toMatch(/country code/);
    expect(PHONE_NUMBER_RULE).toMatch(/8–15/);
  });
});
