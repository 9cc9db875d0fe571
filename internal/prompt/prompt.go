// Package prompt asks one question at a time. The wizard decides what to
// ask; a Prompter only shows it and reads the answer: on a terminal (one
// bubbletea program for a whole walk), as plain numbered lines (accessible
// mode), or from a script in tests.
//
// bubbletea is used only in this package.
package prompt

import (
	"context"
	"errors"
	"strconv"
)

// Kind is how a question is answered; the values match the question files.
type Kind string

// Question kinds.
const (
	Select      Kind = "select"
	MultiSelect Kind = "multiselect"
	Confirm     Kind = "confirm"
	Input       Kind = "input"
	Number      Kind = "number"
	Loop        Kind = "loop"
	Order       Kind = "order"
)

// ErrCancelled is returned when the user pressed Ctrl-C or Esc.
var ErrCancelled = errors.New("cancelled")

// ErrBack is returned when the user asked to go back one question.
var ErrBack = errors.New("back")

// Question is everything a prompter renders for one question.
type Question struct {
	// ID is the question id (scripted prompters key on it).
	ID    string
	Kind  Kind
	Title string
	// Help is the learn-more text.
	Help    string
	Options []Option
	// Default is the preselected answer: a string (select, input, number),
	// a bool (confirm) or a []string (multiselect, loop, order).
	Default any
	// RecommendedWhy is the ⭐ reason; the recommended option is marked in Options.
	RecommendedWhy string
	// RecommendedAnswer is the ⭐ answer where marked options cannot say
	// it: true or false for a yes/no question, the values (maybe none) for
	// a multi-select. Nil when unknown.
	RecommendedAnswer any
	// AmplifyDefault is Amplify's answer as shown (option labels, Yes or
	// No), under the ⭐ line when the recommendation differs from it.
	AmplifyDefault string
	// CreateOnly is the ⚠️ text: why the answer can never change.
	CreateOnly string
	// Locked, when set, says why the question cannot be answered again; the
	// prompter shows the current answer (Default) and returns it.
	Locked string
	// DocURL is the 📝 link.
	DocURL string
	// Another is the loop's "add another" question.
	Another string
	// Required rejects an empty input.
	Required bool
	// Validate checks one typed value (each item of a loop); nil accepts all.
	Validate func(string) error
	// Err is the error of the previous answer, shown above the question.
	Err error
	// CanGoBack is false on the first question.
	CanGoBack bool
}

// Option is one choice.
type Option struct {
	Label       string
	Value       string
	Note        string
	Recommended bool
}

// Prompter asks a question and returns the answer: a string, a bool or a
// []string depending on the kind. It returns ErrBack or ErrCancelled
// instead of an answer when the user goes back or quits.
type Prompter interface {
	Ask(ctx context.Context, q Question) (any, error)
}

// AskConfirm asks a plain yes/no question through p (for example "Write cognito.yaml?").
func AskConfirm(ctx context.Context, p Prompter, id, title string, def bool) (bool, error) {
	v, err := p.Ask(ctx, Question{ID: id, Kind: Confirm, Title: title, Default: def})
	if err != nil {
		return false, err
	}
	b, _ := v.(bool)
	return b, nil
}

// Check runs the question's validation (and the required rule) on s.
func Check(q Question, s string) error {
	if q.Required && s == "" {
		return errors.New("a response is required for this question")
	}
	if q.Validate != nil && s != "" {
		return q.Validate(s)
	}
	return nil
}

// defaultString is the default of a select, input or number question as text.
func defaultString(q Question) string {
	switch v := q.Default.(type) {
	case string:
		return v
	case nil:
		return ""
	default:
		return stringOf(v)
	}
}

// defaultList is the default of a multiselect, loop or order question.
func defaultList(q Question) []string {
	switch v := q.Default.(type) {
	case []string:
		return append([]string(nil), v...)
	case string:
		if v == "" {
			return nil
		}
		return []string{v}
	}
	return nil
}

func defaultBool(q Question) bool {
	b, _ := q.Default.(bool)
	return b
}

func stringOf(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		if x {
			return "yes"
		}
		return "no"
	case int:
		return strconv.Itoa(x)
	}
	return ""
}
