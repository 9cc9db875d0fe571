// Package docshots keeps the documentation honest: it extracts the code
// blocks of docs/*.md so tests can run the shell steps against a real
// emulator and validate every cognito.yaml excerpt, and it renders terminal
// captures of real runs to the SVG pictures under docs/images.
package docshots

import (
	"bufio"
	"bytes"
	"strings"
)

// Block is one fenced code block of a Markdown file.
type Block struct {
	// Lang is the info string after the opening fence, e.g. "sh" or "yaml".
	Lang string
	// Marker is the HTML comment on the line just before the fence
	// (blank lines allowed in between), e.g. "test" for <!-- test -->.
	Marker string
	// Line is the 1-based line of the first line of the block's content.
	Line int
	// Text is the block's content, without the fences.
	Text string
}

// Blocks returns the fenced code blocks of a Markdown document in order.
// Fences are ``` at the start of a line (possibly indented); tildes and
// longer fences are not used in the docs and not recognised.
func Blocks(md []byte) []Block {
	var (
		blocks  []Block
		cur     *Block
		body    strings.Builder
		marker  string
		lineNum int
	)
	sc := bufio.NewScanner(bytes.NewReader(md))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		lineNum++
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if cur != nil {
			if trimmed == "```" {
				cur.Text = body.String()
				blocks = append(blocks, *cur)
				cur, marker = nil, ""
				body.Reset()
				continue
			}
			body.WriteString(line)
			body.WriteByte('\n')
			continue
		}
		switch {
		case strings.HasPrefix(trimmed, "```"):
			cur = &Block{Lang: strings.TrimSpace(strings.TrimPrefix(trimmed, "```")), Marker: marker, Line: lineNum + 1}
		case strings.HasPrefix(trimmed, "<!--") && strings.HasSuffix(trimmed, "-->"):
			marker = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(trimmed, "<!--"), "-->"))
		case trimmed == "":
			// A blank line keeps the marker for the next fence.
		default:
			marker = ""
		}
	}
	return blocks
}
