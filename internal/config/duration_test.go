package config

import (
	"strings"
	"testing"
)

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]Duration{"60m": {60, "m"}, "1h": {1, "h"}, " 30d ": {30, "d"}, "3600s": {3600, "s"}} {
		got, err := ParseDuration(in)
		if err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"60":  "has no unit",
		"1hy": `unknown unit "y"`,
		"1w":  `unknown unit "w"`,
		"h":   "is not a duration",
		"-1h": "whole number",
		"x1h": "whole number",
	} {
		_, err := ParseDuration(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseDuration(%q) error = %v, want it to say %q", in, err, want)
		}
	}
}
