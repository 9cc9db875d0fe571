package questions_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/cogwiz/cogwiz/internal/questions"
)

// unset marks a question not answered in an assignment.
const unset = "\x00unset"

// domain lists representative answers of q: enough to make every
// comparison a condition can make true or false.
func domain(q *questions.Question) []any {
	var opts []string
	for _, o := range q.Options {
		opts = append(opts, o.Value)
	}
	switch q.Kind {
	case questions.Confirm:
		return []any{true, false, unset}
	case questions.Select:
		out := []any{unset, "other"}
		for _, o := range opts {
			out = append(out, o)
		}
		return out
	case questions.MultiSelect:
		out := []any{unset, []string{}, opts}
		for _, o := range opts {
			out = append(out, []string{o})
		}
		return out
	}
	return []any{unset, "x"}
}

type world struct {
	update   bool
	existing map[string]bool
	answers  map[string]any
}

func (w world) holds(c *questions.Cond) bool {
	if c == nil {
		return true
	}
	if c.UpdateOnly && !w.update || c.CreateOnly && w.update {
		return false
	}
	if c.Existing != "" {
		want := c.Set == nil || *c.Set
		if w.existing[c.Existing] != want || (!w.update && w.existing[c.Existing]) {
			return false
		}
	}
	if c.Q != "" {
		v, ok := w.answers[c.Q]
		if !ok || v == unset {
			return false
		}
		s := fmt.Sprint(v)
		switch {
		case c.Eq != nil && s != fmt.Sprint(c.Eq):
			return false
		case c.Ne != nil && s == fmt.Sprint(c.Ne):
			return false
		case c.In != nil && !slices.ContainsFunc(c.In, func(x any) bool { return fmt.Sprint(x) == s }):
			return false
		case c.Includes != nil:
			l, _ := v.([]string)
			if !slices.Contains(l, fmt.Sprint(c.Includes)) {
				return false
			}
		}
	}
	for i := range c.All {
		if !w.holds(&c.All[i]) {
			return false
		}
	}
	if len(c.Any) > 0 && !slices.ContainsFunc(c.Any, func(x questions.Cond) bool { return w.holds(&x) }) {
		return false
	}
	return c.Not == nil || !w.holds(c.Not)
}

// TestEveryQuestionIsReachable: for each question some answers to the
// questions its condition names (each itself reachable) make it true.
func TestEveryQuestionIsReachable(t *testing.T) {
	g := load(t)
	reachable := map[string]bool{}
	for _, q := range g.Questions {
		ids := uniq(q.When.IDs())
		paths := uniq(condPaths(q.When))
		found := false
		for _, update := range []bool{false, true} {
			for mask := 0; mask < 1<<len(paths) && !found; mask++ {
				ex := map[string]bool{}
				for i, p := range paths {
					ex[p] = mask&(1<<i) != 0
				}
				found = search(g, q, ids, 0, world{update: update, existing: ex, answers: map[string]any{}}, reachable)
			}
		}
		if !found {
			t.Errorf("question %s can never be asked: no answers make %s true", q.ID, q.When)
		}
		reachable[q.ID] = found
	}
}

func search(g *questions.Graph, q *questions.Question, ids []string, i int, w world, reachable map[string]bool) bool {
	if i == len(ids) {
		return w.holds(q.When)
	}
	dep, _ := g.Lookup(ids[i])
	for _, v := range domain(dep) {
		if v != unset && !reachable[dep.ID] {
			continue
		}
		w.answers[dep.ID] = v
		if search(g, q, ids, i+1, w, reachable) {
			return true
		}
	}
	delete(w.answers, dep.ID)
	return false
}

func uniq(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

func TestReachabilityCatchesImpossibleConditions(t *testing.T) {
	g := load(t)
	mfa, _ := g.Lookup("mfa_mode")
	q := &questions.Question{ID: "impossible", When: &questions.Cond{All: []questions.Cond{
		{Q: mfa.ID, Eq: "OFF"}, {Q: mfa.ID, Eq: "ON"},
	}}}
	if search(g, q, []string{"mfa_mode"}, 0, world{answers: map[string]any{}}, map[string]bool{"mfa_mode": true}) {
		t.Fatal("a condition needing two answers at once was judged reachable")
	}
}
