/**
 * Characters in respondents' text that are invisible but change what a reader sees. A NUL
 * belongs in no text and is dropped before an answer is stored. Bidirectional controls (the
 * right-to-left override U+202E and its kin) reorder the characters after them on screen and in
 * spreadsheets, so a comment could show HR words other than those it holds; they are shown as
 * visible marks such as "⟨U+202E⟩" wherever comments are read.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function withoutNul(text: string): string {
  return text.replaceAll("\u0000", "");
}

const markOf = (char: string) => `⟨U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`;

/** The text with NULs dropped and every bidirectional control replaced by a visible mark. */
export function showControlCharacters(text: string): string {
  return withoutNul(text).replace(BIDI_CONTROLS, markOf);
}

/** Shown text with the marks `showControlCharacters` wrote taken out again (for word counts). */
export function withoutControlMarks(text: string): string {
  return text.replace(/⟨U\+[0-9A-F]{4}⟩/g, " ");
}
