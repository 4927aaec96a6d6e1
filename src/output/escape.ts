/**
 * Escaping user strings (statement labels, speakers, asset ids) for HTML and markdown output.
 * @module
 */
import { checkString } from "../check.js";

const HTML: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @example
 * escapeHtml('<b>"Tariffs" & more</b>'); // => "&lt;b&gt;&quot;Tariffs&quot; &amp; more&lt;/b&gt;"
 */
export function escapeHtml(text: string): string {
  checkString("escapeHtml", "text", text);
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
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
 * sign become their LaTeX forms (pdflatex-safe); line breaks become spaces.
 *
 * @example
 * escapeLatex("50% & more_{now}…"); // => "50\\% \\& more\\_\\{now\\}\\ldots{}"
 */
export function escapeLatex(text: string): string {
  return text
    .replace(/[\\&%$#_{}~^]/g, (c) => LATEX[c]!)
    .replace(/[…–—−]/g, (c) => LATEX_TEXT[c]!)
    .replace(/\r?\n|\r/g, " ");
}
