/**
 * A decimal number literal without trailing zeros in its fraction (`1.50` -> `1.5`, `2.00` -> `2.0`): the same
 * value, however it was written. Anything that is not a plain decimal literal is returned unchanged.
 */
export function trimFractionZeros(text: string): string {
  const match = /^([+-]?\d+)\.(\d*?)0+$/.exec(text);
  return match ? `${match[1]}.${match[2] || '0'}` : text;
}
