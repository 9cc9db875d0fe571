package prompt

import (
	"context"
	"fmt"
	"slices"
	"sync"
)

type special int

// Special scripted answers.
const (
	// Back answers a question with "go back one question".
	Back special = iota + 1
	// Cancel answers a question with Ctrl-C.
	Cancel
	// Default accepts the question's default (Enter).
	Default
)

// Scripted answers questions by id from a script, for tests. A question
// without a scripted answer fails the test, and so does a scripted answer
// that is never asked for (checked at cleanup).
type Scripted struct {
	t       TB
	mu      sync.Mutex
	answers map[string][]any
	asked   []string
	shown   map[string]Question
}

// TB is the part of testing.TB a script uses. Package prompt does not
// import testing itself, so that the cogwiz binary does not carry it.
type TB interface {
	Errorf(format string, args ...any)
	Cleanup(func())
}

// NewScripted returns an empty script bound to t.
func NewScripted(t TB) *Scripted {
	s := &Scripted{t: t, answers: map[string][]any{}, shown: map[string]Question{}}
	t.Cleanup(s.verify)
	return s
}

// Answer queues answers for the question id, used in order each time it is asked.
func (s *Scripted) Answer(id string, values ...any) *Scripted {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.answers[id] = append(s.answers[id], values...)
	return s
}

// Asked returns the ids asked so far, in order (locked questions included).
func (s *Scripted) Asked() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.asked)
}

// Shown returns the last rendering of question id.
func (s *Scripted) Shown(id string) (Question, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q, ok := s.shown[id]
	return q, ok
}

// Ask implements Prompter.
func (s *Scripted) Ask(_ context.Context, q Question) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.asked = append(s.asked, q.ID)
	s.shown[q.ID] = q
	if q.Locked != "" {
		return q.Default, nil
	}
	queue := s.answers[q.ID]
	if len(queue) == 0 {
		s.t.Errorf("unexpected question %q (%s)", q.ID, q.Title)
		return nil, fmt.Errorf("unexpected question %q: %w", q.ID, ErrCancelled)
	}
	v := queue[0]
	s.answers[q.ID] = queue[1:]
	switch v {
	case Back:
		return nil, ErrBack
	case Cancel:
		return nil, ErrCancelled
	case Default:
		return q.Default, nil
	}
	return v, nil
}

func (s *Scripted) verify() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, left := range s.answers {
		if len(left) > 0 {
			s.t.Errorf("scripted answer for %q was never asked for (left: %v)", id, left)
		}
	}
}

func (s special) String() string {
	switch s {
	case Back:
		return "<back>"
	case Cancel:
		return "<cancel>"
	case Default:
		return "<default>"
	}
	return "<?>"
}
