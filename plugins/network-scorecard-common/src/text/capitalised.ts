/**
 * `text` with its first character upper-cased: what
 * `text.replace(/^./, c => c.toUpperCase())` gives (a leading line terminator,
 * which `.` does not match, upper-cases to itself), without the regex.
 */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
