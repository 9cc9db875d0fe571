package cmdutil

import "testing"

func TestPrintable(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"amplify/backend/auth/shopauth": "amplify/backend/auth/shopauth",
		"two\nlines\tand a tab":         "two\nlines\tand a tab",
		"evil\x1b]0;pwned\x07\x1b[2J":   `evil\x1b]0;pwned\a\x1b[2J`,
		"bad\xffbyte":                   `bad\xffbyte`,
		"abc\u202edef":                  `abc\u202edef`,
		"del\x7f and C1 \u009b":         `del\x7f and C1 \u009b`,
		"ünïcödé ⭐ \uFFFD":              "ünïcödé ⭐ \uFFFD",
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}
