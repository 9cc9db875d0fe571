package prompt

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

func TestAccessibleAnswersAndEndOfInput(t *testing.T) {
	q := Question{ID: "mode", Kind: Select, Title: "Mode?", Default: "b", Options: []Option{{Label: "A", Value: "a"}, {Label: "B", Value: "b"}}}
	var out strings.Builder
	a := NewAccessible(strings.NewReader("1\n\n"), &out)
	if v, err := a.Ask(context.Background(), q); err != nil || v != "a" {
		t.Fatalf("typed 1: %v, %v", v, err)
	}
	if v, err := a.Ask(context.Background(), q); err != nil || v != "b" {
		t.Fatalf("Enter takes the default: %v, %v", v, err)
	}
	if _, err := a.Ask(context.Background(), q); !errors.Is(err, ErrCancelled) {
		t.Fatalf("end of input: %v, want ErrCancelled", err)
	}
}

// Ctrl-C while the question waits for a line that never comes (a terminal
// with nobody typing) must end the walk at once.
func TestAccessibleCtrlCWhileWaiting(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	a := NewAccessible(r, io.Discard)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := a.Ask(ctx, Question{ID: "x", Kind: Confirm, Title: "Write it?"})
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, ErrCancelled) {
			t.Fatalf("err = %v, want ErrCancelled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the question kept waiting after Ctrl-C")
	}
}

func TestAnswersUnused(t *testing.T) {
	a := NewAnswers(map[string]any{"mode": "manual", "mfa_factors": []any{"totp"}, "zeta": true})
	if _, err := a.Ask(context.Background(), Question{ID: "mode", Kind: Select}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(a.Unused(), ","); got != "mfa_factors,zeta" {
		t.Errorf("Unused = %s, want mfa_factors,zeta", got)
	}
}
