package prompt

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// The screen is laid out here as plain text lines: words are never split
// and links never shortened, so that what a question says survives any
// terminal width. Widths count terminal columns (an emoji takes two).

// wrap breaks text at spaces into lines of at most width columns. Each
// line break of the text is kept. A word wider than a line (a link) is
// broken over as many lines as it needs, at its path separators when it
// can, so that all of it is shown.
func wrap(text string, width int) string {
	return strings.Join(wrapLines(text, width, "", ""), "\n")
}

// wrapLines is wrap with a prefix on the first line of each paragraph and
// another on every following line (a hanging indent).
func wrapLines(text string, width int, first, rest string) []string {
	var out []string
	firstW, restW := ansi.StringWidth(first), ansi.StringWidth(rest)
	for _, para := range strings.Split(text, "\n") {
		prefix, avail := first, width-firstW
		line, lineW := "", 0 // lineW: the width of line, kept as it grows
		flush := func() {
			out = append(out, prefix+line)
			prefix, avail = rest, width-restW
			line, lineW = "", 0
		}
		for _, word := range strings.Fields(para) {
			wordW := ansi.StringWidth(word)
			switch {
			case line == "" && wordW <= avail:
				line, lineW = word, wordW
			case line != "" && lineW+1+wordW <= avail:
				line, lineW = line+" "+word, lineW+1+wordW
			default:
				if line != "" {
					flush()
				}
				if wordW <= avail {
					line, lineW = word, wordW
					continue
				}
				pieces := breakWord(word, avail, width-restW)
				for _, p := range pieces[:len(pieces)-1] {
					line = p
					flush()
				}
				line = pieces[len(pieces)-1]
				lineW = ansi.StringWidth(line)
			}
		}
		flush()
	}
	return out
}

// breakWord splits a word wider than a line: the first piece at most
// first columns, the others at most width. Links break after a separator
// when one falls in the second half of the line (a slash first, then
// ? & #, then - _ . =), so the pieces read as parts of the address.
func breakWord(word string, first, width int) []string {
	var out []string
	avail := max(first, 1)
	for ansi.StringWidth(word) > avail {
		cut := cutAt(word, avail)
		out = append(out, word[:cut])
		word = word[cut:]
		avail = max(width, 1)
	}
	return append(out, word)
}

// cutAt is the byte offset at which to break s to fit width columns.
func cutAt(s string, width int) int {
	end, w := 0, 0
	for i, r := range s {
		rw := ansi.StringWidth(string(r))
		if w+rw > width {
			break
		}
		w += rw
		end = i + len(string(r))
	}
	if end == 0 {
		_, size := utf8.DecodeRuneInString(s)
		return size
	}
	for _, seps := range []string{"/", "?&#", "-_.="} {
		for i := end; i > end/2; i-- {
			if strings.ContainsRune(seps, rune(s[i-1])) {
				return i
			}
		}
	}
	return end
}

// joinKeys lays the key hints out on as few lines as fit, breaking only
// between hints.
func joinKeys(keys []string, width int) []string {
	const sep = " · "
	var out []string
	line := ""
	for _, k := range keys {
		switch {
		case line == "":
			line = k
		case ansi.StringWidth(line+sep+k) <= width:
			line += sep + k
		default:
			out = append(out, line)
			line = k
		}
	}
	return append(out, line)
}
