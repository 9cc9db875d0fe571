package config

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Comments is how much a written file explains itself.
type Comments int

// The comment densities of a written file. Every one loads to the same
// configuration; `cogwiz explain KEY` always gives the whole entry.
const (
	// CommentsFull explains every key above it: what it does, ⚠️ why it
	// can never change once the pool exists, ⭐ the recommended value and
	// why, 📝 the AWS page. Text a parent key already gave is not repeated.
	CommentsFull Comments = iota
	// CommentsBrief keeps each key on one line, with its title, ⚠️ marker
	// and 📝 link after the value: short diffs for a team to review.
	CommentsBrief
	// CommentsNone writes the header and the keys only.
	CommentsNone
)

// CommentModes are the values --comments takes, in Comments order.
var CommentModes = []string{"full", "brief", "none"}

func (m Comments) String() string {
	if int(m) >= 0 && int(m) < len(CommentModes) {
		return CommentModes[m]
	}
	return fmt.Sprintf("Comments(%d)", int(m))
}

// ParseComments reads a --comments value.
func ParseComments(s string) (Comments, error) {
	if i := slices.Index(CommentModes, strings.ToLower(strings.TrimSpace(s))); i >= 0 {
		return Comments(i), nil
	}
	return 0, fmt.Errorf("unknown comment style %q: use one of %s", s, strings.Join(CommentModes, ", "))
}

// commentsMarker opens the header line that records the style, so that
// update rewrites a file in the style it was written in.
const commentsMarker = "# comments: "

// DetectComments says which style data (a file cogwiz wrote) uses, from
// its header; a file without the line is taken as full.
func DetectComments(data []byte) Comments {
	for line := range strings.Lines(string(data)) {
		if !strings.HasPrefix(line, "#") {
			break
		}
		if rest, ok := strings.CutPrefix(line, commentsMarker); ok {
			word, _, _ := strings.Cut(rest, " ")
			if m, err := ParseComments(strings.TrimRight(word, ",.;\n")); err == nil {
				return m
			}
		}
	}
	return CommentsFull
}

func headerOf(m Comments) string {
	h := "# yaml-language-server: $schema=" + SchemaURL + "\n" +
		"# Amazon Cognito user pool configuration, written by cogwiz. `cogwiz explain KEY`\n" +
		"# tells all about a key, `cogwiz validate` checks this file offline.\n"
	switch m {
	case CommentsFull:
		h = strings.Replace(h, "offline.", "offline.\n# ⚠️ can never change once the pool exists · ⭐ recommended · 📝 AWS docs", 1)
	case CommentsBrief:
		h += commentsMarker + "brief, one line a key (`cogwiz update --comments full` explains them)\n" +
			"# ⚠️ can never change once the pool exists · 📝 AWS docs\n"
	default:
		h += commentsMarker + "none (`cogwiz update --comments full` explains every key)\n"
	}
	return h + "\n"
}

// shown is what the comments above the current key already said: the
// links and the ⚠️ reasons of its parents and earlier siblings, which a
// nested key does not repeat.
type shown struct {
	docs []string
	why  []shownWhy
	recs []string
}

type shownWhy struct{ why, key string }

// fullComment writes the registry entry of path above its key — what it
// does, ⚠️ why it can never change, ⭐ the recommended value and why — and
// returns what goes at the end of the key's line: the 📝 link. A section
// (a key holding other keys) says only the headline of its meaning, at the
// end of its line, since its keys say the rest. Each part is its first
// sentence; `cogwiz explain` gives the whole entry.
func (e *emitter) fullComment(indent int, path string, section bool) string {
	s := e.notes[NormalizeKey(path)]
	if s == nil {
		return ""
	}
	text := firstSentence(s.Meaning)
	if section {
		text = headline(text)
	}
	if text == "" {
		text = s.Title
	}
	link := e.docLink(s)
	lead := strings.Repeat(" ", indent) + "# "
	width := max(commentWidth-len(lead), 40)
	if section && utf8.RuneCountInString(text) > maxHeadline {
		text = s.Title
	}
	if !section {
		e.wrap(lead, text, width)
	}
	if s.CreateOnly {
		e.wrap(lead, "⚠️ "+e.createOnlyNote(s, path), width)
	}
	if s.Recommended != "" {
		e.wrap(lead, "⭐ "+e.recommendedNote(s), width)
	}
	if section {
		return "  # " + strings.TrimSpace(text+" "+link)
	}
	if link == "" {
		return ""
	}
	return "  # " + link
}

// maxHeadline is the longest headline of a section; a longer one gives
// way to the section's title.
const maxHeadline = 80

// docLink is "📝 URL" for s, or nothing when a parent or an earlier
// sibling showed the same page.
func (e *emitter) docLink(s *Setting) string {
	if s.DocURL == "" || slices.Contains(e.shown.docs, s.DocURL) {
		return ""
	}
	e.shown.docs = append(e.shown.docs, s.DocURL)
	return "📝 " + s.DocURL
}

// recommendedNote is the ⭐ value and its reason, or only the value when
// an earlier sibling gave the same reason.
func (e *emitter) recommendedNote(s *Setting) string {
	why := firstSentence(s.RecommendedWhy)
	if why == "" {
		return s.Recommended
	}
	if slices.Contains(e.shown.recs, why) {
		return s.Recommended + ", for the same reason"
	}
	e.shown.recs = append(e.shown.recs, why)
	return s.Recommended + " — " + why
}

// headline is the part of a meaning before its first colon: "The user
// directory: who can sign up, ..." is "The user directory".
func headline(s string) string {
	if i := strings.Index(s, ": "); i > 0 {
		return s[:i] + "."
	}
	return s
}

// createOnlyNote is the ⚠️ reason, or a pointer to the key above that
// gave the same one.
func (e *emitter) createOnlyNote(s *Setting, path string) string {
	if s.CreateOnlyWhy == "" {
		return "can never change once the pool exists"
	}
	why := firstSentence(s.CreateOnlyWhy)
	key := NormalizeKey(path)
	for _, w := range e.shown.why {
		if w.why == why {
			return "like " + nearName(w.key, key) + " above"
		}
	}
	e.shown.why = append(e.shown.why, shownWhy{why: why, key: key})
	return why
}

// nearName names the key at path as seen from the key at from: by its
// last segment when it is a parent or an earlier sibling (sign_in), in
// full when it is elsewhere in the file (identity_pool.authenticated_role.name).
func nearName(path, from string) string {
	parent := path
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		parent = path[:i]
	} else {
		parent = ""
	}
	if parent == "" || strings.HasPrefix(from, parent+".") {
		return label(path)
	}
	return path
}

// briefComment is the one-line comment written after the value of path.
func (e *emitter) briefComment(path string) string {
	s := e.notes[NormalizeKey(path)]
	if s == nil {
		return ""
	}
	parts := []string{s.Title}
	if s.CreateOnly {
		parts = append(parts, "⚠️")
	}
	if link := e.docLink(s); link != "" {
		parts = append(parts, link)
	}
	return "  # " + strings.Join(parts, " ")
}

// firstSentence is s up to the end of its first sentence: a full stop
// followed by a space and a letter or a backquote, abbreviations aside. A
// text that lists values ("OFF: ... OPTIONAL: ...") is kept whole.
func firstSentence(s string) string {
	if word, _, _ := strings.Cut(s, " "); strings.HasSuffix(word, ":") {
		return s
	}
	for i := 1; i+2 < len(s); i++ {
		if s[i] != '.' || s[i+1] != ' ' || !(unicode.IsLetter(rune(s[i+2])) || s[i+2] == '`') {
			continue
		}
		switch strings.TrimLeft(s[strings.LastIndexByte(s[:i], ' ')+1:i], "(") {
		case "e.g", "i.e", "etc", "vs":
			continue
		}
		if s[i-1] == '.' { // an ellipsis
			continue
		}
		return s[:i+1]
	}
	return s
}

// Set and Type make Comments a command-line flag value (--comments).
func (m *Comments) Set(s string) error {
	v, err := ParseComments(s)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Type names the flag's value in --help.
func (m *Comments) Type() string { return "full|brief|none" }
