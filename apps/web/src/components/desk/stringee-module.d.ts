// The npm `stringee` SDK ships no types; the desk types the part it uses in stringee-sdk.ts.
declare module "stringee";
