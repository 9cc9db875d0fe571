package config

import (
	"reflect"
	"strings"
	"testing"
)

// The recommended file stays short enough to review in every style, and
// every style reads back as the same configuration.
func TestCommentStylesOfTheRecommendedFile(t *testing.T) {
	t.Parallel()
	limits := map[Comments]int{CommentsFull: 200, CommentsBrief: 90, CommentsNone: 90}
	for _, m := range []Comments{CommentsFull, CommentsBrief, CommentsNone} {
		data, err := MarshalComments(Recommended(), m)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		if n := strings.Count(s, "\n"); n > limits[m] {
			t.Errorf("%s: the recommended file has %d lines, want at most %d", m, n, limits[m])
		}
		doc, err := Parse("cognito.yaml", data)
		if err != nil {
			t.Fatalf("%s: %v", m, err)
		}
		if !reflect.DeepEqual(doc.Config, Recommended()) {
			t.Errorf("%s: the file loads to another configuration", m)
		}
		if got := DetectComments(data); got != m {
			t.Errorf("DetectComments of a %s file = %s", m, got)
		}
		for i, line := range strings.Split(s, "\n") {
			if line == "" || strings.HasPrefix(strings.TrimLeft(line, " "), "#") {
				continue
			}
			explained := strings.Contains(line, "  # ")
			if m == CommentsFull && !explained {
				prev := strings.Split(s, "\n")[i-1]
				explained = strings.HasPrefix(strings.TrimLeft(prev, " "), "#")
			}
			switch {
			case m == CommentsNone && strings.Contains(line, "  # "):
				t.Errorf("none: line %d has a comment: %q", i+1, line)
			case m != CommentsNone && !explained:
				t.Errorf("%s: line %d is not explained: %q", m, i+1, line)
			case m == CommentsBrief && strings.Count(line, "  # ") != 1:
				t.Errorf("brief: line %d is not one key with one comment: %q", i+1, line)
			}
		}
	}
}

// A nested key says "like sign_in above" instead of repeating its
// parent's ⚠️ reason; each reason appears once in the file.
func TestFullCommentsSayEachReasonOnce(t *testing.T) {
	t.Parallel()
	data, err := Marshal(loadFile(t, "testdata/full.yaml").Config)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, set := range Settings() {
		if !set.CreateOnly || set.CreateOnlyWhy == "" {
			continue
		}
		first := firstSentence(set.CreateOnlyWhy)
		if n := strings.Count(strings.Join(strings.Fields(uncomment(s)), " "), first); n > 1 {
			t.Errorf("%s: its ⚠️ reason is written %d times", set.Key, n)
		}
	}
	if !strings.Contains(s, "# ⚠️ like sign_in above\n") {
		t.Error("username_attributes does not point at the ⚠️ of sign_in")
	}
}

// uncomment joins the text of the comment lines, so that a sentence
// wrapped over two lines can be found.
func uncomment(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if t := strings.TrimLeft(l, " "); strings.HasPrefix(t, "# ") {
			b.WriteString(t[2:] + " ")
		}
	}
	return b.String()
}

func TestParseComments(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]Comments{"full": CommentsFull, "Brief": CommentsBrief, " none ": CommentsNone} {
		if got, err := ParseComments(in); err != nil || got != want {
			t.Errorf("ParseComments(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseComments("short"); err == nil || !strings.Contains(err.Error(), "full, brief, none") {
		t.Errorf("ParseComments(short) = %v, want an error listing the styles", err)
	}
	if got := DetectComments([]byte("version: 1\n")); got != CommentsFull {
		t.Errorf("a file without the header is %s, want full", got)
	}
}

func TestFirstSentence(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"One. Two.":                           "One.",
		"Pick e.g. AppAuth. Then more.":       "Pick e.g. AppAuth.",
		"Fields (e.g. tier). Then more.":      "Fields (e.g. tier).",
		"S3, DynamoDB... directly. Then more": "S3, DynamoDB... directly.",
		"Cognito cannot. cogwiz can.":         "Cognito cannot.",
		"OFF: none. ON: all.":                 "OFF: none. ON: all.",
		"Version 1.2 of it":                   "Version 1.2 of it",
	} {
		if got := firstSentence(in); got != want {
			t.Errorf("firstSentence(%q) = %q, want %q", in, got, want)
		}
	}
}
