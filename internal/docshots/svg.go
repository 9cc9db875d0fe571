package docshots

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/rivo/uniseg"
)

// Terminal geometry of the pictures, in SVG user units.
const (
	fontSize   = 14.0
	cellWidth  = 8.4 // 0.6em: the advance of common monospace fonts
	lineHeight = 18.0
	padding    = 16.0
	titleBar   = 28.0
)

// style is the SGR state of one cell.
type style struct {
	fg, bg                         string // "" = terminal default
	bold, faint, italic, underline bool
	reverse                        bool
}

type cell struct {
	text  string // one grapheme cluster; "" for the second half of a wide one
	width int
	st    style
}

// palette is a dark theme for the 16 ANSI colours.
var palette = [16]string{
	"#1d1f21", "#cc6666", "#b5bd68", "#f0c674", "#81a2be", "#b294bb", "#8abeb7", "#c5c8c6",
	"#666666", "#d54e53", "#b9ca4a", "#e7c547", "#7aa6da", "#c397d8", "#70c0b1", "#eaeaea",
}

const (
	defaultFG = "#c5c8c6"
	defaultBG = "#1d1f21"
)

// RenderSVG draws a terminal capture (text with SGR colour sequences, as
// `tmux capture-pane -e -p` prints it) as an SVG picture of a terminal
// window cols cells wide. Trailing blank lines are dropped. Sequences other
// than SGR are ignored.
func RenderSVG(capture []byte, cols int, title string) []byte {
	grid := parseANSI(string(capture), cols)
	for len(grid) > 0 && blankRow(grid[len(grid)-1]) {
		grid = grid[:len(grid)-1]
	}
	w := 2*padding + float64(cols)*cellWidth
	h := titleBar + 2*padding + float64(len(grid))*lineHeight
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s">`+"\n", num(w), num(h), num(w), num(h))
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" rx="8" fill="%s"/>`+"\n", defaultBG)
	for i, c := range []string{"#ff5f57", "#febc2e", "#28c840"} {
		fmt.Fprintf(&b, `<circle cx="%s" cy="14" r="6" fill="%s"/>`+"\n", num(padding+float64(i)*20), c)
	}
	if title != "" {
		fmt.Fprintf(&b, `<text x="%s" y="18" fill="#888" font-family="sans-serif" font-size="12" text-anchor="middle">%s</text>`+"\n", num(w/2), html.EscapeString(title))
	}
	fmt.Fprintf(&b, `<g font-family="'JetBrains Mono','DejaVu Sans Mono',Menlo,Consolas,monospace,'Apple Color Emoji','Segoe UI Emoji','Noto Color Emoji'" font-size="%s" xml:space="preserve">`+"\n", num(fontSize))
	for r, row := range grid {
		y := titleBar + padding + float64(r)*lineHeight
		// Backgrounds first, so text draws over them.
		for c := 0; c < len(row); {
			bg := row[c].colors()
			if bg[1] == "" {
				c++
				continue
			}
			start := c
			for c < len(row) && row[c].colors()[1] == bg[1] {
				c++
			}
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n",
				num(padding+float64(start)*cellWidth), num(y), num(float64(c-start)*cellWidth), num(lineHeight), bg[1])
		}
		for c := 0; c < len(row); {
			if row[c].text == "" || row[c].text == " " {
				c++
				continue
			}
			start, st := c, row[c].st
			var text strings.Builder
			// A run is cells of one style; a wide cluster ends it, so
			// what follows starts exactly at its own cell.
			for c < len(row) && row[c].st == st && row[c].text != "" {
				text.WriteString(row[c].text)
				wide := row[c].width > 1
				c += row[c].width
				if wide {
					break
				}
			}
			s := strings.TrimRight(text.String(), " ")
			if s == "" {
				continue
			}
			fmt.Fprintf(&b, `<text x="%s" y="%s"%s>%s</text>`+"\n",
				num(padding+float64(start)*cellWidth), num(y+lineHeight*0.75), row[start].attrs(), html.EscapeString(s))
		}
	}
	b.WriteString("</g>\n</svg>\n")
	return b.Bytes()
}

// num formats a coordinate to two decimals at most.
func num(f float64) string { return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64) }

func blankRow(row []cell) bool {
	for _, c := range row {
		if strings.TrimSpace(c.text) != "" || c.colors()[1] != "" {
			return false
		}
	}
	return true
}

// colors returns the cell's foreground and background ("" background =
// none drawn), after reverse video.
func (c cell) colors() [2]string {
	fg, bg := c.st.fg, c.st.bg
	if c.st.reverse {
		if fg == "" {
			fg = defaultFG
		}
		if bg == "" {
			bg = defaultBG
		}
		fg, bg = bg, fg
	}
	if fg == "" {
		fg = defaultFG
	}
	return [2]string{fg, bg}
}

func (c cell) attrs() string {
	var b strings.Builder
	fmt.Fprintf(&b, ` fill="%s"`, c.colors()[0])
	if c.st.bold {
		b.WriteString(` font-weight="bold"`)
	}
	if c.st.faint {
		b.WriteString(` opacity="0.6"`)
	}
	if c.st.italic {
		b.WriteString(` font-style="italic"`)
	}
	if c.st.underline {
		b.WriteString(` text-decoration="underline"`)
	}
	return b.String()
}

// parseANSI lays the capture out on a grid cols cells wide, wrapping long
// lines as a terminal does.
func parseANSI(s string, cols int) [][]cell {
	var (
		grid [][]cell
		row  []cell
		st   style
	)
	flush := func() { grid = append(grid, row); row = nil }
	for len(s) > 0 {
		switch {
		case strings.HasPrefix(s, "\x1b["):
			end := strings.IndexFunc(s[2:], func(r rune) bool { return r >= 0x40 && r <= 0x7e })
			if end < 0 {
				return append(grid, row)
			}
			if s[2+end] == 'm' {
				st = applySGR(st, s[2:2+end])
			}
			s = s[3+end:]
		case s[0] == '\x1b':
			s = s[1:] // a lone escape or one we do not draw
		case s[0] == '\n':
			flush()
			s = s[1:]
		case s[0] == '\r':
			s = s[1:]
		default:
			cluster, rest, width, _ := uniseg.FirstGraphemeClusterInString(s, -1)
			s = rest
			if width == 0 {
				continue
			}
			if len(row)+width > cols {
				flush()
			}
			row = append(row, cell{text: cluster, width: width, st: st})
			for i := 1; i < width; i++ {
				row = append(row, cell{st: st})
			}
		}
	}
	if len(row) > 0 {
		flush()
	}
	return grid
}

// applySGR applies one "Select Graphic Rendition" parameter list.
func applySGR(st style, params string) style {
	if params == "" {
		return style{}
	}
	p := strings.Split(strings.ReplaceAll(params, ":", ";"), ";")
	for i := 0; i < len(p); i++ {
		n, err := strconv.Atoi(p[i])
		if err != nil {
			continue
		}
		switch {
		case n == 0:
			st = style{}
		case n == 1:
			st.bold = true
		case n == 2:
			st.faint = true
		case n == 3:
			st.italic = true
		case n == 4:
			st.underline = true
		case n == 7:
			st.reverse = true
		case n == 22:
			st.bold, st.faint = false, false
		case n == 23:
			st.italic = false
		case n == 24:
			st.underline = false
		case n == 27:
			st.reverse = false
		case n >= 30 && n <= 37:
			st.fg = palette[n-30]
		case n >= 90 && n <= 97:
			st.fg = palette[n-90+8]
		case n >= 40 && n <= 47:
			st.bg = palette[n-40]
		case n >= 100 && n <= 107:
			st.bg = palette[n-100+8]
		case n == 39:
			st.fg = ""
		case n == 49:
			st.bg = ""
		case n == 38 || n == 48:
			var color string
			color, i = extendedColor(p, i)
			if n == 38 {
				st.fg = color
			} else {
				st.bg = color
			}
		}
	}
	return st
}

// extendedColor reads "5;N" (256 colours) or "2;R;G;B" after p[i] (38 or
// 48) and returns the colour and the index of the last parameter used.
func extendedColor(p []string, i int) (string, int) {
	arg := func(k int) int {
		if i+k >= len(p) {
			return 0
		}
		v, _ := strconv.Atoi(p[i+k])
		return v
	}
	switch arg(1) {
	case 5:
		return color256(arg(2)), i + 2
	case 2:
		return fmt.Sprintf("#%02x%02x%02x", arg(2)&255, arg(3)&255, arg(4)&255), i + 4
	}
	return "", i + 1
}

func color256(n int) string {
	switch {
	case n < 16:
		return palette[max(n, 0)]
	case n < 232:
		n -= 16
		level := func(v int) int {
			if v == 0 {
				return 0
			}
			return 55 + 40*v
		}
		return fmt.Sprintf("#%02x%02x%02x", level(n/36), level(n/6%6), level(n%6))
	case n < 256:
		g := 8 + 10*(n-232)
		return fmt.Sprintf("#%02x%02x%02x", g, g, g)
	}
	return defaultFG
}
