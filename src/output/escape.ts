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
 * line breaks (which become spaces).
 *
 * @example
 * escapeMarkdownCell("A|B *now*"); // => "A\\|B \\*now\\*"
 */
export function escapeMarkdownCell(text: string): string {
  checkString("escapeMarkdownCell", "text", text);
  return text.replace(/[\\|`*_<>[\]]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, " ");
}
