/** A seeded PRNG (mulberry32) and the pickers the fuzz cases are built from: one seed, one run. */

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let value = this.state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, below). */
  below(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<Item>(items: readonly Item[]): Item {
    return items[this.below(items.length)];
  }

  /** One of `choices`, each as likely as its weight. */
  weighted<Item>(choices: readonly (readonly [number, Item])[]): Item {
    const total = choices.reduce((sum, [weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [weight, item] of choices) {
      point -= weight;
      if (point < 0) return item;
    }
    return choices[choices.length - 1][1];
  }

  /** The generator of one case of a run, so that a case reproduces from (seed, case number) alone. */
  static forCase(seed: number, id: number): Random {
    const random = new Random((seed ^ Math.imul(id + 1, 0x9e3779b1)) >>> 0);
    random.next();
    return random;
  }
}

/** Text that trips up encoders, loggers and length counts. */
export const ODD_TEXTS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  'undefined',
  'null',
  'true',
  '0x1F',
  '__proto__',
  'constructor',
  'toString',
  '\ud83e\udd50 café ñ 日本語',
  '\u202e\u200b\u200d\ufeff',
  '\ud800',
  '\udfff lone',
  'line\nbreak\r\n\tq"uote\\',
  '<script>alert(1)</script>',
  '${PROVIDER_KEY}',
  '$OPENAI_KEY',
  '../../etc/passwd',
  '%00%2e%2e%2f',
  'data: [DONE]\n\n',
  '\x1b[31mred',
];

export function oddText(random: Random): string {
  if (random.chance(0.15)) return 'x'.repeat(random.pick([1_000, 70_000, 300_000]));
  if (random.chance(0.1)) return random.pick(['\ud83e\udd50', 'é', '\u0301', 'a']).repeat(random.pick([500, 20_000]));
  return random.pick(ODD_TEXTS);
}
