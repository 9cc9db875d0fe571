package questions

import (
	"errors"
	"fmt"
	"io/fs"
	"sync"

	"github.com/cogwiz/cogwiz/internal/config"
	questionfiles "github.com/cogwiz/cogwiz/questions"
)

// index is index.yaml: the question files in walk order.
type index struct {
	Files []string `yaml:"files"`
}

// file is one questions/*.yaml file.
type file struct {
	Questions []*Question `yaml:"questions"`
}

// Load reads index.yaml from fsys and every file it lists, strictly: an
// unknown key or a duplicate id is an error naming the file.
func Load(fsys fs.FS) (*Graph, error) {
	var idx index
	if err := decodeFile(fsys, "index.yaml", &idx); err != nil {
		return nil, err
	}
	if len(idx.Files) == 0 {
		return nil, errors.New("questions: index.yaml lists no files")
	}
	g := &Graph{byID: map[string]int{}}
	for _, name := range idx.Files {
		var f file
		if err := decodeFile(fsys, name, &f); err != nil {
			return nil, err
		}
		for _, q := range f.Questions {
			if q.Topic == "" {
				q.Topic = name[:len(name)-len(".yaml")]
			}
			if err := g.add(q); err != nil {
				return nil, fmt.Errorf("questions: %s: %w", name, err)
			}
		}
	}
	return g, nil
}

// NewGraph makes a graph of questions in walk order (package builtin
// holds them compiled); every question needs an id of its own.
func NewGraph(qs []*Question) (*Graph, error) {
	g := &Graph{byID: make(map[string]int, len(qs))}
	for _, q := range qs {
		if err := g.add(q); err != nil {
			return nil, err
		}
	}
	return g, nil
}

func (g *Graph) add(q *Question) error {
	if q.ID == "" {
		return errors.New("a question has no id")
	}
	if _, dup := g.byID[q.ID]; dup {
		return fmt.Errorf("duplicate id %q", q.ID)
	}
	g.byID[q.ID] = len(g.Questions)
	g.Questions = append(g.Questions, q)
	return nil
}

func decodeFile(fsys fs.FS, name string, v any) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("questions: %w", err)
	}
	if err := config.DecodeStrict(name, data, v); err != nil {
		return fmt.Errorf("questions: %w", err)
	}
	return nil
}

var (
	defaultOnce  sync.Once
	defaultGraph *Graph
	defaultErr   error
)

// Default returns the graph embedded in the binary, loaded once.
func Default() (*Graph, error) {
	defaultOnce.Do(func() { defaultGraph, defaultErr = Load(questionfiles.FS) })
	return defaultGraph, defaultErr
}

// ParseAnswers reads an answers file: a YAML map of question id to answer.
// Every id must name a question of g, once. where gives, for each id,
// "name:line:col" of its answer, for messages about the answer later.
func ParseAnswers(g *Graph, name string, data []byte) (values map[string]any, where map[string]string, err error) {
	entries, err := config.ParseMapping(data)
	var notMap *config.NotMappingError
	if errors.As(err, &notMap) {
		return nil, nil, fmt.Errorf("%s:%d:%d: want a map of question id to answer, like `sign_in: email`", name, notMap.Pos.Line, notMap.Pos.Col)
	}
	var syntax *config.SyntaxError
	if errors.As(err, &syntax) {
		return nil, nil, &AnswersError{Msg: fmt.Sprintf("%s:%s", name, syntax), Fix: syntax.Hint}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	values, where = map[string]any{}, map[string]string{}
	for _, e := range entries {
		if _, ok := g.Lookup(e.Key); !ok {
			return nil, nil, fmt.Errorf("%s:%d:%d: unknown question id %q%s", name, e.KeyPos.Line, e.KeyPos.Col, e.Key, suggest(g, e.Key))
		}
		val, err := e.Value()
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d:%d: %s: %w", name, e.ValuePos.Line, e.ValuePos.Col, e.Key, err)
		}
		values[e.Key] = val
		where[e.Key] = fmt.Sprintf("%s:%d:%d", name, e.ValuePos.Line, e.ValuePos.Col)
	}
	return values, where, nil
}

// AnswersError is a problem in an answers file that carries its own fix
// (Hint), unlike an unknown id, whose fix is always the list of ids.
type AnswersError struct {
	Msg string
	Fix string
}

func (e *AnswersError) Error() string { return e.Msg }

// Hint is the fix; the command line prints it on its own line.
func (e *AnswersError) Hint() string { return e.Fix }

// suggest returns ` (did you mean "x"?)` for the closest id.
func suggest(g *Graph, id string) string {
	best, bestD := "", 4
	for _, q := range g.Questions {
		if d := distance(id, q.ID); d < bestD {
			best, bestD = q.ID, d
		}
	}
	if best == "" {
		return "; docs/questions.md lists every id"
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// distance is the Levenshtein distance of a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
