import type { Rng } from "./prng.ts";

/**
 * Vietnamese full names (family, middle, given) so the demo board looks like a center in Vietnam.
 * Family names are weighted by rough share of the population (Nguyễn is about four in ten).
 */
const FAMILY: readonly (readonly [string, number])[] = [
  ["Nguyễn", 38],
  ["Trần", 11],
  ["Lê", 9.5],
  ["Phạm", 7],
  ["Hoàng", 5],
  ["Phan", 4.5],
  ["Huỳnh", 4],
  ["Vũ", 3.9],
  ["Võ", 3],
  ["Đặng", 2.1],
  ["Bùi", 2],
  ["Đỗ", 1.4],
  ["Hồ", 1.3],
  ["Ngô", 1.3],
  ["Dương", 1],
  ["Lý", 0.5],
];
const FAMILY_WEIGHTS = FAMILY.map(([, weight]) => weight);

const MALE_MIDDLE = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Công", "Thành", "Gia"] as const;
const FEMALE_MIDDLE = ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mai", "Bảo", "Diệu"] as const;
const MALE_GIVEN = [
  "Anh",
  "Bảo",
  "Cường",
  "Dũng",
  "Đạt",
  "Hải",
  "Hiếu",
  "Hùng",
  "Huy",
  "Khoa",
  "Long",
  "Nam",
  "Phong",
  "Quân",
  "Sơn",
  "Thắng",
  "Toàn",
  "Tuấn",
  "Việt",
  "Vinh",
] as const;
const FEMALE_GIVEN = [
  "Anh",
  "Chi",
  "Giang",
  "Hà",
  "Hạnh",
  "Hằng",
  "Hương",
  "Lan",
  "Linh",
  "Loan",
  "My",
  "Ngân",
  "Nhung",
  "Oanh",
  "Phương",
  "Quỳnh",
  "Thảo",
  "Trang",
  "Vy",
  "Yến",
] as const;

/** One plausible Vietnamese full name, e.g. "Nguyễn Thị Lan". */
export function vietnameseName(rng: Rng): string {
  const [family] = FAMILY[rng.weighted(FAMILY_WEIGHTS)] ?? ["Nguyễn"];
  const female = rng.chance(0.55);
  const middle = rng.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE);
  const given = rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
  return `${family} ${middle} ${given}`;
}

/**
 * `count` names, distinct while that is easy (a board of 40 with two "Nguyễn Văn Nam" confuses a
 * demo); a huge roster may repeat, as real centers do.
 */
export function vietnameseNames(rng: Rng, count: number): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    let name = vietnameseName(rng);
    for (let tries = 0; seen.has(name) && tries < 20; tries++) name = vietnameseName(rng);
    seen.add(name);
    names.push(name);
  }
  return names;
}
