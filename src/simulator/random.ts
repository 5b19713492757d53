/**
 * Seeded randomness for the simulator.
 *
 * Everything the simulator invents (job uuids, step durations, which job fails, which request a
 * probabilistic fault hits) comes from here, keyed by the simulator's seed plus a label, so two runs with
 * the same seed and the same requests behave identically. `Math.random` is never used.
 *
 * @internal
 */
import * as crypto from 'node:crypto';

/** A source of floats in [0, 1). */
export type Random = () => number;

/** 32-bit digest of the parts; the seed of a {@link Random} stream. */
export const hash32 = (...parts: ReadonlyArray<string | number>): number => digest(parts).readUInt32LE(0);

/**
 * mulberry32: tiny, fast and good enough for durations and coin flips. Its state is only 32 bits, which is
 * why uuids are derived from a hash instead (see {@link uuidFrom}): 10,000 jobs drawn from 2^32 streams
 * would collide about once in a hundred runs.
 */
export const mulberry32 = (seed: number): Random => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** A random stream keyed by its parts, e.g. `seededRandom(seed, 'job', 17)`. */
export const seededRandom = (...parts: ReadonlyArray<string | number>): Random =>
  mulberry32(hash32(...parts));

/** An integer in [min, max], both inclusive. */
export const randomInt = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

/** A float in [min, max). */
export const randomBetween = (random: Random, min: number, max: number): number =>
  min + random() * (max - min);

/** A uuid of version-4 shape whose bits come from a hash of the parts: deterministic and collision-free in practice. */
export const uuidFrom = (...parts: ReadonlyArray<string | number>): string => {
  const bytes = digest(parts).subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** Any 36-character uuid string (any version), as the API's path and query parameters take. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID_PATTERN.test(value);

const digest = (parts: ReadonlyArray<string | number>): Buffer =>
  // The separator keeps ('a1', 2) and ('a', 12) apart.
  crypto.createHash('sha256').update(parts.join('\u0000')).digest();
