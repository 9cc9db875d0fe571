package docshots

import (
	"strings"
	"testing"
)

func TestParseANSI(t *testing.T) {
	t.Parallel()
	// Colour carries across lines, as tmux captures it; 0 resets.
	grid := parseANSI("\x1b[1;31mab\ncd\x1b[0me\x1b[38;5;196mf\x1b[48;2;1;2;3mg\n📝x", 80)
	if len(grid) != 3 {
		t.Fatalf("rows = %d, want 3", len(grid))
	}
	if c := grid[1][0]; c.text != "c" || !c.st.bold || c.st.fg != palette[1] {
		t.Errorf("style does not carry to the next line: %+v", c)
	}
	if c := grid[1][2]; c.st != (style{}) {
		t.Errorf("SGR 0 did not reset: %+v", c.st)
	}
	if c := grid[1][3]; c.st.fg != "#ff0000" {
		t.Errorf("256-colour 196 = %q, want #ff0000", c.st.fg)
	}
	if c := grid[1][4]; c.st.bg != "#010203" {
		t.Errorf("truecolour background = %q, want #010203", c.st.bg)
	}
	// A wide emoji takes two cells; the next character starts at the third.
	if row := grid[2]; len(row) != 3 || row[0].width != 2 || row[2].text != "x" {
		t.Errorf("wide cluster layout: %+v", row)
	}
}

func TestParseANSIWraps(t *testing.T) {
	t.Parallel()
	grid := parseANSI(strings.Repeat("a", 25), 10)
	if len(grid) != 3 || len(grid[2]) != 5 {
		t.Fatalf("25 cells at 10 columns: %d rows, last %d cells", len(grid), len(grid[len(grid)-1]))
	}
}

func TestRenderSVG(t *testing.T) {
	t.Parallel()
	svg := RenderSVG([]byte("\x1b[7mrev\x1b[0m <ok> & done\n\n\n"), 40, "demo")
	text, err := svgText(svg)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"demo", "rev", "<ok> & done"} {
		if !strings.Contains(text, want) {
			t.Errorf("SVG text lacks %q: %s", want, text)
		}
	}
	// Reverse video draws a background; trailing blank lines are dropped:
	// title bar + padding + one line.
	if !strings.Contains(string(svg), `<rect x="16" y="44" width="25.2" height="18" fill="#c5c8c6"/>`) {
		t.Errorf("no background for reverse video:\n%s", svg)
	}
	if !strings.Contains(string(svg), `height="78"`) {
		t.Errorf("blank lines were not trimmed:\n%s", svg)
	}
}
