/**
 * Escaping user strings (statement labels, speakers, asset ids) for HTML, markdown and LaTeX
 * output (`renderSvg` of the node entry does the same for SVG). One policy for control characters in every text medium: line breaks and tabs
 * become spaces; the other C0 and C1 controls (escape sequences, bell, NUL) and the bidirectional
 * overrides are written as visible `\u{…}` codes, never sent raw (XML 1.0 forbids most C0
 * controls even as character references).
 * @module
 */
import { checkString } from "../check.js";

/** Control characters and bidirectional overrides: shown as codes in every text medium. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Line breaks and tabs as spaces, the other controls as visible `\u{…}` codes. */
function visibleControls(text: string): string {
  return text.replace(/\r\n|[\r\n\t]/g, " ").replace(CONTROLS, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

const HTML: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML element content and quoted attribute values; control characters become
 * visible `\u{…}` codes (line breaks and tabs spaces).
 *
 * @example
 * escapeHtml('<b>"Tariffs" & more</b>'); // => "&lt;b&gt;&quot;Tariffs&quot; &amp; more&lt;/b&gt;"
 * escapeHtml("E1\u001b[2J"); // => "E1\\u{1b}[2J"
 */
export function escapeHtml(text: string): string {
  checkString("escapeHtml", "text", text);
  return visibleControls(text).replace(/[&<>"']/g, (c) => HTML[c]!);
}

/**
 * Escapes text for a markdown table cell: `|`, backslashes, backticks, `*`, `_`, `<` and
 * line breaks (which become spaces); other control characters (terminal escape sequences,
 * direction overrides) are written as visible `\u{…}` codes.
 *
 * @example
 * escapeMarkdownCell("A|B *now*"); // => "A\\|B \\*now\\*"
 */
export function escapeMarkdownCell(text: string): string {
  checkString("escapeMarkdownCell", "text", text);
  return (
    text
      .replace(/[\\|`*_<>[\]]/g, (c) => `\\${c}`)
      .replace(/\r?\n|\r/g, " ")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`)
  );
}

const LATEX: Readonly<Record<string, string>> = {
  "\\": "\\textbackslash{}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "{": "\\{",
  "}": "\\}",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

const LATEX_TEXT: Readonly<Record<string, string>> = { "…": "\\ldots{}", "–": "--", "—": "---", "−": "$-$" };

/**
 * Escapes text for LaTeX: the ten special characters; ellipsis, en and em dashes and the minus
 * sign become their LaTeX forms (pdflatex-safe); line breaks become spaces, other control
 * characters visible `\u{…}` codes (their backslash and braces escaped too).
 *
 * @example
 * escapeLatex("50% & more_{now}…"); // => "50\\% \\& more\\_\\{now\\}\\ldots{}"
 */
export function escapeLatex(text: string): string {
  checkString("escapeLatex", "text", text);
  return visibleControls(text)
    .replace(/[\\&%$#_{}~^]/g, (c) => LATEX[c]!)
    .replace(/[…–—−]/g, (c) => LATEX_TEXT[c]!);
}
