package prompt

import (
	"context"
	"fmt"
	"sort"
	"strconv"
)

// Answers answers questions from a map of question id to answer, as read
// from `cogwiz init --answers FILE`. A question it has no answer for takes
// its default; a required one without a default is an error naming the id.
// An answer the wizard rejects is an error too: there is no one to re-ask.
type Answers struct {
	// Where says, per question id, where its answer is written
	// ("answers.yaml:3:9"), so that a rejected answer names its place.
	Where map[string]string

	values map[string]any
	used   map[string]bool
}

// AnswerError is an answer the wizard rejected, or a required one that is
// missing. Where is the answer's file:line:col, "" when it is not written.
type AnswerError struct {
	Where string
	ID    string
	Err   error
}

func (e *AnswerError) Error() string {
	if e.Where == "" {
		return e.Err.Error()
	}
	return e.Where + ": " + e.Err.Error()
}

func (e *AnswerError) Unwrap() error { return e.Err }

// NewAnswers wraps values (YAML-decoded: strings, bools, numbers, lists).
func NewAnswers(values map[string]any) *Answers {
	return &Answers{values: values, used: map[string]bool{}}
}

// Ask implements Prompter.
func (a *Answers) Ask(_ context.Context, q Question) (any, error) {
	if q.Err != nil {
		return nil, &AnswerError{Where: a.Where[q.ID], ID: q.ID, Err: fmt.Errorf("answer for %s: %w", q.ID, q.Err)}
	}
	if q.Locked != "" {
		return q.Default, nil
	}
	v, ok := a.values[q.ID]
	if !ok {
		if q.Required && isEmpty(q.Default) {
			return nil, &AnswerError{ID: q.ID, Err: fmt.Errorf("missing answer for %s (%s)", q.ID, q.Title)}
		}
		return q.Default, nil
	}
	a.used[q.ID] = true
	ans, err := Normalize(q.Kind, v)
	if err != nil {
		return nil, &AnswerError{Where: a.Where[q.ID], ID: q.ID, Err: fmt.Errorf("answer for %s: %w", q.ID, err)}
	}
	return ans, nil
}

// Unused lists, sorted, the ids that were answered in the file but never
// asked: their condition did not hold on this walk (an MFA factor with MFA
// off, or a question the chosen update flow does not ask).
func (a *Answers) Unused() []string {
	var out []string
	for id := range a.values {
		if !a.used[id] {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// Normalize turns a decoded YAML value into the answer type of kind.
func Normalize(kind Kind, v any) (any, error) {
	switch kind {
	case Confirm:
		switch x := v.(type) {
		case bool:
			return x, nil
		case string:
			switch x {
			case "yes", "y", "Yes", "true":
				return true, nil
			case "no", "n", "No", "false":
				return false, nil
			}
		}
		return nil, fmt.Errorf("want yes or no, got %v", v)
	case MultiSelect, Loop, Order:
		switch x := v.(type) {
		case []string:
			return x, nil
		case []any:
			out := make([]string, 0, len(x))
			for _, e := range x {
				out = append(out, scalarString(e))
			}
			return out, nil
		case nil:
			return []string{}, nil
		default:
			return []string{scalarString(x)}, nil
		}
	default:
		if v == nil {
			return "", nil
		}
		if b, ok := v.(bool); ok && kind == Select {
			// YAML reads yes/no as strings but true/false as booleans;
			// yes/no selects (advanced settings) take either.
			if b {
				return "yes", nil
			}
			return "no", nil
		}
		if _, ok := v.([]any); ok {
			return nil, fmt.Errorf("want one value, got a list")
		}
		return scalarString(v), nil
	}
}

func scalarString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case []string:
		return len(x) == 0
	}
	return false
}
