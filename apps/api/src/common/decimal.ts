/** A decimal string without trailing fraction zeros, as people write it: "13.0000" -> "13", "7.100" -> "7.1". */
export function trimZeros(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/\.?0+$/, '') : decimal;
}
