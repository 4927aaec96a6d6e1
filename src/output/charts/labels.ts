/**
 * Statement labels for charts: taken from the `label` and `speaker` columns, wrapped at word
 * boundaries (never cut mid-word), and ids of statements drawn together combined (`E17 = E22`).
 * @module
 */

/** A label without a leading bracketed note (`[time: date only] …`) and with single spaces. */
export function cleanLabel(text: string | null | undefined): string {
  return (text ?? "")
    .replace(/^\s*\[[^\]]*\]\s*/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Wraps text into lines of at most `width` characters at word boundaries; a word longer than
 * `width` stays whole. With `maxLines`, the last kept line ends with `…` after a whole word.
 *
 * @example
 * wrapWords("Lutnick: no postponing of the tariffs", 16); // => ["Lutnick: no", "postponing of", "the tariffs"]
 * wrapWords("Lutnick: no postponing of the tariffs", 16, 2); // => ["Lutnick: no", "postponing of…"]
 */
export function wrapWords(text: string, width: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ").filter((w) => w !== "")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/[\s,;:.–-]+$/, "")}…`;
  return kept;
}

/** Natural order of ids: E2 before E10. */
export function byId(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/**
 * Ids of statements drawn as one: `E17 = E22`, runs of consecutive numbers shortened
 * (`E16 = … = E25` for ten statements).
 *
 * @example
 * combinedIds(["E22", "E17"]); // => "E17 = E22"
 */
export function combinedIds(ids: readonly string[]): string {
  const sorted = [...ids].sort(byId);
  return sorted.length <= 3 ? sorted.join(" = ") : `${sorted[0]} = … = ${sorted[sorted.length - 1]} (${sorted.length})`;
}

/** Ids on one date, short: consecutive numbers as a range (`E16–E25`), else a list. */
export function idRange(ids: readonly string[]): string {
  const sorted = [...new Set(ids)].sort(byId);
  const num = (id: string): number | null => {
    const m = /^(.*?)(\d+)$/.exec(id);
    return m === null ? null : Number(m[2]);
  };
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && num(sorted[j + 1]!) !== null && num(sorted[j + 1]!) === num(sorted[j]!)! + 1) j++;
    parts.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(", "));
    i = j + 1;
  }
  return parts.join(", ");
}

/** "Howard Lutnick: no postponing of the tariffs" from the speaker and label columns. */
export function speakerAndLabel(speaker: string | null | undefined, label: string | null | undefined): string {
  const who = cleanLabel(speaker);
  const what = cleanLabel(label);
  return who !== "" && what !== "" ? `${who}: ${what}` : who !== "" ? who : what;
}
