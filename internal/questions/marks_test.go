package questions_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/questions"
)

// missingMarks lists the marks q lacks: every question links the docs
// (📝); a question that sets a key the registry calls create-only says so
// (⚠️, locked or not); a choice question that sets a key the registry
// recommends a value for shows the ⭐ with its reason, unless it is a
// detail the user opted into through a gate question that carries the ⭐
// (read attributes after "specify read and write attributes?": Yes), or
// a pick among values the file already has.
func missingMarks(g *questions.Graph, q *questions.Question) []string {
	var out []string
	if q.Doc == "" {
		out = append(out, "📝 doc link")
	}
	choice := q.Kind == questions.Select || q.Kind == questions.MultiSelect || q.Kind == questions.Confirm
	// Picking existing values to edit or delete has nothing to recommend.
	edit := q.As == questions.AsReplaceItems || q.As == questions.AsRemoveByName
	for _, p := range q.Sets {
		s, ok := config.Lookup(p)
		if !ok {
			continue
		}
		if s.CreateOnly && q.CreateOnly == "" && q.Warning == "" && !slices.Contains(out, "⚠️") {
			out = append(out, "⚠️ (sets create-only "+p+")")
		}
		if choice && !edit && s.Recommended != "" && q.Recommended == nil && !gated(g, q.When) {
			out = append(out, "⭐ (the registry recommends "+s.Recommended+" for "+p+")")
		}
	}
	return out
}

// gated reports whether c requires a yes to a confirm question that has a ⭐.
func gated(g *questions.Graph, c *questions.Cond) bool {
	if c == nil {
		return false
	}
	if c.Q != "" && c.Eq == true {
		if gate, ok := g.Lookup(c.Q); ok && gate.Kind == questions.Confirm && gate.Recommended != nil {
			return true
		}
	}
	return slices.ContainsFunc(c.All, func(x questions.Cond) bool { return gated(g, &x) })
}

func TestEveryQuestionCarriesItsMarks(t *testing.T) {
	g := load(t)
	for _, q := range g.Questions {
		if m := missingMarks(g, q); len(m) > 0 {
			t.Errorf("question %s lacks %s", q.ID, strings.Join(m, ", "))
		}
	}
}

// TestMarksCheckCatchesMissingMarks keeps the check honest: a question
// stripped of its marks is reported.
func TestMarksCheckCatchesMissingMarks(t *testing.T) {
	g := load(t)
	orig, _ := g.Lookup("sign_in")
	q := *orig
	q.Doc, q.CreateOnly, q.Recommended = "", "", nil
	got := strings.Join(missingMarks(g, &q), "; ")
	for _, want := range []string{"📝", "⚠️", "⭐"} {
		if !strings.Contains(got, want) {
			t.Errorf("a sign_in question without marks is not reported missing %s (got %q)", want, got)
		}
	}
}
