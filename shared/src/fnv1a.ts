/**
 * FNV-1a, 32 bits (Fowler, Noll, Vo): a tiny, well-known, non-cryptographic hash, chosen to give a scoring policy a
 * short version label that is the same in Node and in the browser with no dependency. It is not a security measure.
 * It hashes UTF-16 code units, which for ASCII text (all a canonical policy contains) is exactly the byte-wise FNV-1a,
 * so the published test vectors apply.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5; // offset basis
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193); // FNV prime 16777619, multiplied modulo 2^32
  }
  return hash >>> 0;
}

/** fnv1a32 as 8 lower-case hex digits, zero-padded. */
export function fnv1a32Hex(text: string): string {
  return fnv1a32(text).toString(16).padStart(8, '0');
}
