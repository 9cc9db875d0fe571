package explain

import (
	"fmt"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/questions"
	"github.com/cogwiz/cogwiz/internal/questions/builtin"
)

// QuestionsSource explains the wizard's questions by id (the ids of
// `cogwiz init --answers`), in the registry's shape.
func QuestionsSource() Source {
	all := func() []config.Setting {
		g, err := builtin.Graph()
		if err != nil {
			// The graph is compiled in and checked by its own tests.
			return nil
		}
		out := make([]config.Setting, 0, len(g.Questions))
		for _, q := range g.Questions {
			out = append(out, questionSetting(q))
		}
		return out
	}
	return Source{
		Title: "Wizard questions (ids for cogwiz init --answers)",
		List:  all,
		Lookup: func(key string) (config.Setting, bool) {
			g, err := builtin.Graph()
			if err != nil {
				return config.Setting{}, false
			}
			q, ok := g.Lookup(strings.TrimSpace(key))
			if !ok {
				return config.Setting{}, false
			}
			return questionSetting(q), true
		},
	}
}

func questionSetting(q *questions.Question) config.Setting {
	meaning := strings.Join(strings.Fields(q.Help), " ")
	if meaning == "" {
		meaning = strings.TrimSpace(q.Prompt)
	}
	if len(q.Sets) > 0 {
		meaning += " The answer sets " + strings.Join(q.Sets, ", ") + " in cognito.yaml."
	}
	s := config.Setting{
		Key:     q.ID,
		Title:   strings.TrimSpace(q.Prompt),
		Meaning: meaning,
		DocURL:  q.Doc,
	}
	for _, o := range q.Options {
		s.Values = append(s.Values, o.Value)
	}
	if q.Default != nil {
		s.Default = fmt.Sprint(q.Default)
	}
	if r := q.Recommended; r != nil {
		s.Recommended = fmt.Sprint(r.Value)
		s.RecommendedWhy = r.Why
	}
	if q.CreateOnly != "" {
		s.CreateOnly = true
		s.CreateOnlyWhy = q.CreateOnly
	}
	return s
}
