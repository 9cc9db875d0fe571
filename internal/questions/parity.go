package questions

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	questionfiles "github.com/cogwiz/cogwiz/questions"
)

// ParityFile is the embedded table of Amplify's prompts.
const ParityFile = "amplify.yaml"

// ParityTable is Amplify's side of the question graph, written by hand
// from amplify-cli's source: one row per prompt of `amplify add auth` and
// `amplify update auth`, with the questions that stand for it here and,
// wherever the two differ, why.
type ParityTable struct {
	// Source names the amplify-cli repository and commit the rows were read from.
	Source string `yaml:"source"`
	// Files maps the short names used in the rows' From to paths in that repository.
	Files map[string]string `yaml:"files"`
	// Prompts are Amplify's prompts in the order Amplify asks them.
	Prompts []ParityRow `yaml:"prompts"`
	// Beyond gives, for each question Amplify does not ask, why cogwiz does.
	Beyond map[string]string `yaml:"beyond"`
}

// ParityRow is one Amplify prompt.
type ParityRow struct {
	// ID is Amplify's question key (supported-services.ts), or the name of
	// a prompt in Amplify's sub-flows, e.g. "groups2BeDeleted".
	ID string `yaml:"id"`
	// Text is Amplify's prompt, verbatim.
	Text string `yaml:"text"`
	// Add and Update say when Amplify asks it on `amplify add auth` and on
	// `amplify update auth`, in Amplify's terms.
	Add    string `yaml:"add"`
	Update string `yaml:"update"`
	// Default is Amplify's preselected answer, as Amplify shows it.
	Default string `yaml:"default"`
	// From is the amplify-cli file (a key of Files) the row comes from.
	From string `yaml:"from"`
	// Ours lists the question ids that ask it here; empty when none does.
	Ours []string `yaml:"ours"`
	// DefaultOurs is Amplify's default written in our first question's
	// answer values; when it differs from our default, the question shows
	// "Amplify's default: …".
	DefaultOurs any `yaml:"default_ours"`
	// Differs says why ours differs (text, condition, default or a missing
	// prompt). Empty means the same.
	Differs string `yaml:"differs"`
}

// LoadParity reads the table strictly from fsys and checks that every
// question it names exists in g.
func LoadParity(fsys fs.FS, g *Graph) (*ParityTable, error) {
	var t ParityTable
	if err := decodeFile(fsys, ParityFile, &t); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, r := range t.Prompts {
		if r.ID == "" || r.Text == "" {
			return nil, fmt.Errorf("questions: %s: a prompt needs id and text", ParityFile)
		}
		key := r.ID + "\x00" + r.Text
		if seen[key] {
			return nil, fmt.Errorf("questions: %s: prompt %s listed twice", ParityFile, r.ID)
		}
		seen[key] = true
		if _, ok := t.Files[r.From]; !ok {
			return nil, fmt.Errorf("questions: %s: prompt %s: unknown source file %q", ParityFile, r.ID, r.From)
		}
		for _, id := range r.Ours {
			if _, ok := g.Lookup(id); !ok {
				return nil, fmt.Errorf("questions: %s: prompt %s names unknown question %q", ParityFile, r.ID, id)
			}
		}
	}
	for id := range t.Beyond {
		if _, ok := g.Lookup(id); !ok {
			return nil, fmt.Errorf("questions: %s: beyond names unknown question %q", ParityFile, id)
		}
	}
	return &t, nil
}

var (
	parityOnce sync.Once
	parity     *ParityTable
	parityErr  error
)

// DefaultParity returns the table embedded in the binary, loaded once.
func DefaultParity() (*ParityTable, error) {
	parityOnce.Do(func() {
		g, err := Default()
		if err != nil {
			parityErr = err
			return
		}
		parity, parityErr = LoadParity(questionfiles.FS, g)
	})
	return parity, parityErr
}

// Rows returns the rows whose Ours names the question id.
func (t *ParityTable) Rows(id string) []ParityRow {
	var out []ParityRow
	for _, r := range t.Prompts {
		if slices.Contains(r.Ours, id) {
			out = append(out, r)
		}
	}
	return out
}

// AmplifyDefault is the "Amplify's default: …" text of q: Amplify's
// preselected answer, in q's own labels, when it differs from q's default
// (the ⭐ where q has one). It is empty when they agree or Amplify has no
// default for it.
func (t *ParityTable) AmplifyDefault(q *Question) string {
	if t == nil {
		return ""
	}
	for _, r := range t.Rows(q.ID) {
		if r.DefaultOurs == nil || r.Ours[0] != q.ID {
			continue
		}
		if SameAnswer(r.DefaultOurs, q.Default) {
			return ""
		}
		return q.AnswerLabel(r.DefaultOurs)
	}
	return ""
}

// SameAnswer compares two answers as written in the question files:
// scalars by their text, lists as sets.
func SameAnswer(a, b any) bool {
	la, aList := a.([]any)
	lb, bList := b.([]any)
	if aList || bList {
		x, y := textList(la), textList(lb)
		slices.Sort(x)
		slices.Sort(y)
		return aList && bList && slices.Equal(x, y)
	}
	return fmt.Sprint(a) == fmt.Sprint(b)
}

func textList(l []any) []string {
	out := make([]string, 0, len(l))
	for _, e := range l {
		out = append(out, fmt.Sprint(e))
	}
	return out
}

// AnswerLabel writes an answer the way the question shows it: option
// labels for choices, Yes or No for a confirm, the text itself otherwise.
func (q *Question) AnswerLabel(v any) string {
	label := func(s string) string {
		if o, ok := q.Option(s); ok {
			return o.Label
		}
		return s
	}
	switch x := v.(type) {
	case bool:
		if x {
			return "Yes"
		}
		return "No"
	case []any:
		if len(x) == 0 {
			return "none"
		}
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = label(fmt.Sprint(e))
		}
		return strings.Join(parts, ", ")
	case nil:
		return ""
	}
	return label(fmt.Sprint(v))
}
