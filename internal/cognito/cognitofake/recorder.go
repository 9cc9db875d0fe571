// Package cognitofake holds test doubles for cognito.API: Recorder, which
// wraps any implementation (the emulator's client, the in-memory Fake),
// records every request and can make chosen calls fail; and Fake, an
// in-memory Cognito that reproduces AWS's documented behaviour where
// cognito-local does not (full-replace updates, duplicate groups, deletion
// protection, domains, identity providers, resource servers, tags).
package cognitofake

//go:generate go run gen.go

import (
	"context"
	"encoding/json"
	"strings"
	"sync"

	"github.com/cogwiz/cogwiz/internal/cognito"
)

// Call is one recorded request.
type Call struct {
	Op    string `json:"op"`
	Input any    `json:"input"`
}

// Recorder wraps an API and records every request made through it.
type Recorder struct {
	// API is the wrapped implementation. Embedded, so that a method added
	// to cognito.API later still works (unrecorded) until
	// `go generate` adds its recording wrapper.
	cognito.API
	// Fail, when set, is asked before every call; a non-nil error is
	// returned instead of making the call (a dropped connection, a
	// throttle). The call is still recorded.
	Fail func(op string, in any) error

	mu    sync.Mutex
	calls []Call
}

// Record wraps api.
func Record(api cognito.API) *Recorder { return &Recorder{API: api} }

var _ cognito.API = (*Recorder)(nil)

func (r *Recorder) record(_ context.Context, op string, in any) error {
	r.mu.Lock()
	r.calls = append(r.calls, Call{Op: op, Input: in})
	fail := r.Fail
	r.mu.Unlock()
	if fail != nil {
		return fail(op, in)
	}
	return nil
}

// Calls returns every recorded call in order.
func (r *Recorder) Calls() []Call {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Call(nil), r.calls...)
}

// Writes returns the recorded calls that change something.
func (r *Recorder) Writes() []Call {
	var out []Call
	for _, c := range r.Calls() {
		if IsWrite(c.Op) {
			out = append(out, c)
		}
	}
	return out
}

// Ops returns the names of the recorded calls in order.
func (r *Recorder) Ops() []string {
	var out []string
	for _, c := range r.Calls() {
		out = append(out, c.Op)
	}
	return out
}

// Count returns how many calls of op were recorded.
func (r *Recorder) Count(op string) int {
	n := 0
	for _, c := range r.Calls() {
		if c.Op == op {
			n++
		}
	}
	return n
}

// Reset forgets the recorded calls.
func (r *Recorder) Reset() {
	r.mu.Lock()
	r.calls = nil
	r.mu.Unlock()
}

// IsWrite reports whether an operation changes state (anything but
// Describe, Get and List calls).
func IsWrite(op string) bool {
	for _, p := range []string{"Describe", "Get", "List", "AdminGet", "AdminList"} {
		if strings.HasPrefix(op, p) {
			return false
		}
	}
	return true
}

// JSON renders calls as indented JSON, the format of golden files.
func JSON(calls []Call) ([]byte, error) {
	b, err := json.MarshalIndent(calls, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
