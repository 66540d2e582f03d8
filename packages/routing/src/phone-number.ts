/**
 * PCC wants phone numbers country code first (e.g. 84912345678). We accept an optional "+" and 8 to 15
 * digits (E.164's maximum), the first one not 0 — a leading 0 means a national format without country code.
 */
const PHONE_NUMBER = /^\+?[1-9][0-9]{7,14}$/;

/**
 * True when the number is in the international form PCC wants. A configured number in another form
 * still counts as configured (PCC's rule); the board shows it with a "not in international format" flag.
 * @example isValidPhoneNumber("84912345678") === true; isValidPhoneNumber("0912345678") === false
 */
export function isValidPhoneNumber(value: string): boolean {
  return PHONE_NUMBER.test(value);
}

export const PHONE_NUMBER_RULE =
  "country code first, then digits only (8–15 digits, optional leading +, e.g. 84912345678)";

/** The longest phone number (or caller id) any edge or the domain accepts: PCC's numbers fit in far less. */
export const PHONE_NUMBER_MAX_LENGTH = 64;
