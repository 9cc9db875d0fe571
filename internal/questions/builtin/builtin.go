// Package builtin is the wizard's question graph compiled into the binary:
// questions/*.yaml and Amplify's prompts beside them, loaded and written out as Go by go generate, so that
// the wizard shows its first question without parsing YAML first (parsing
// the files took longer than the rest of the start-up of cogwiz init).
// The YAML files stay the source; a test fails when this copy differs
// from them.
package builtin

import (
	"sync"

	"github.com/cogwiz/cogwiz/internal/questions"
)

//go:generate go run ./gen -o graph.go

// Graph returns the question graph; it is built on first use.
func Graph() (*questions.Graph, error) { return graph() }

var graph = sync.OnceValues(func() (*questions.Graph, error) {
	return questions.NewGraph(questionsData())
})

// Parity returns Amplify's side of the graph (questions/amplify.yaml),
// which the wizard reads for "Amplify's default" on every question.
func Parity() *questions.ParityTable { return parity() }

var parity = sync.OnceValue(parityData)

func ptr[T any](v T) *T { return &v }
