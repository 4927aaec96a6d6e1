# Minimal JSON writer for golden files: every number is printed with 17 significant
# digits (sprintf("%.17g")), which round-trips IEEE doubles exactly. jsonlite is not used
# for numbers because its toJSON() caps numeric output at 15 significant digits.
# Sourced by the other scripts in scripts/golden/.

json_num <- function(x) {
  if (length(x) == 0) return("[]")
  s <- ifelse(is.na(x), "null",
       ifelse(is.infinite(x), ifelse(x > 0, "\"Infinity\"", "\"-Infinity\""),
              sprintf("%.17g", x)))
  s
}

json_str <- function(x) {
  x <- gsub("\\\\", "\\\\\\\\", x)
  x <- gsub("\"", "\\\\\"", x)
  paste0("\"", x, "\"")
}

# Scalars (length-1 vectors wrapped in I() are kept as arrays) become scalars,
# vectors become arrays, named lists become objects, unnamed lists become arrays,
# matrices become arrays of rows.
to_json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.null(x)) return("null")
  if (is.matrix(x)) {
    rows <- vapply(seq_len(nrow(x)), function(i) to_json(I(as.vector(x[i, ]))), "")
    return(paste0("[\n", inner, paste(rows, collapse = paste0(",\n", inner)), "\n", indent, "]"))
  }
  if (is.list(x)) {
    nm <- names(x)
    parts <- vapply(seq_along(x), function(i) to_json(x[[i]], inner), "")
    if (!is.null(nm)) {
      parts <- paste0(json_str(nm), ": ", parts)
      return(paste0("{\n", inner, paste(parts, collapse = paste0(",\n", inner)), "\n", indent, "}"))
    }
    return(paste0("[\n", inner, paste(parts, collapse = paste0(",\n", inner)), "\n", indent, "]"))
  }
  keep_array <- inherits(x, "AsIs")
  if (is.character(x)) {
    v <- json_str(x)
  } else if (is.logical(x)) {
    v <- ifelse(x, "true", "false")
  } else {
    v <- json_num(as.numeric(x))
  }
  if (length(v) == 1 && !keep_array) return(v)
  paste0("[", paste(v, collapse = ", "), "]")
}

write_json_file <- function(x, path) {
  con <- file(path, open = "w", encoding = "UTF-8")
  on.exit(close(con))
  writeLines(to_json(x), con)
  cat("wrote", path, "\n")
}

# Output path relative to the repository root; run scripts from the root:
#   Rscript scripts/golden/pt.R
golden_path <- function(name) file.path("test", "golden", "data", name)
