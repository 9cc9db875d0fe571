package prompt

import (
	"context"
	"errors"
	"io"
	"slices"
	"testing"
	"time"
)

// drive runs the real bubbletea program of the terminal prompter, typing
// keys as raw bytes through a pipe (no terminal needed).
func drive(t *testing.T, q Question, keys ...string) (any, error) {
	t.Helper()
	r, w := io.Pipe()
	defer r.Close()
	p := NewTerminal(r, io.Discard, false, 80)
	type result struct {
		v   any
		err error
	}
	done := make(chan result, 1)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	go func() {
		v, err := p.Ask(ctx, q)
		done <- result{v, err}
	}()
	go func() {
		for _, k := range keys {
			time.Sleep(50 * time.Millisecond)
			if _, err := w.Write([]byte(k)); err != nil {
				return
			}
		}
	}()
	select {
	case res := <-done:
		w.Close()
		return res.v, res.err
	case <-ctx.Done():
		t.Fatal("the prompt did not finish")
		return nil, nil
	}
}

const (
	enter = "\r"
	down  = "\x1b[B"
	ctrlC = "\x03"
	ctrlB = "\x02"
	space = " "
)

func TestTerminalKeys(t *testing.T) {
	t.Parallel()
	if v, err := drive(t, signIn, down, enter); err != nil || v != "email" {
		t.Errorf("down+enter: %v %v, want email", v, err)
	}
	if _, err := drive(t, signIn, ctrlC); !errors.Is(err, ErrCancelled) {
		t.Errorf("ctrl+c: %v, want ErrCancelled", err)
	}
	if _, err := drive(t, signIn, ctrlB); !errors.Is(err, ErrBack) {
		t.Errorf("ctrl+b: %v, want ErrBack", err)
	}
	ms := Question{ID: "scopes", Kind: MultiSelect, Title: "Scopes", Default: []string{"email"},
		Options: []Option{{Label: "Email", Value: "email"}, {Label: "OpenID", Value: "openid"}}}
	if v, err := drive(t, ms, down, space, enter); err != nil || !slices.Equal(v.([]string), []string{"email", "openid"}) {
		t.Errorf("multiselect: %v %v", v, err)
	}
	in := Question{ID: "name", Kind: Input, Title: "Name", Default: "AppAuth"}
	if v, err := drive(t, in, "X", enter); err != nil || v != "AppAuthX" {
		t.Errorf("input: %v %v", v, err)
	}
}

// The loop and order helpers run one field per item; they are checked with
// a stub that plays Enter (the default) or a given answer.
func TestLoopAndOrder(t *testing.T) {
	var asked []string
	enterAll := func(_ context.Context, q Question) (any, error) {
		asked = append(asked, q.ID+":"+q.Title)
		return q.Default, nil
	}
	loop := Question{ID: "urls", Kind: Loop, Title: "URL", Another: "Another?", Default: []string{"a", "b"}}
	v, err := askLoop(context.Background(), enterAll, loop)
	if err != nil || !slices.Equal(v.([]string), []string{"a", "b"}) {
		t.Errorf("Enter through a loop replays its list: %v %v", v, err)
	}
	want := []string{"urls:URL", "urls.another:Another?", "urls:URL (2)", "urls.another:Another?"}
	if !slices.Equal(asked, want) {
		t.Errorf("asked %v, want %v", asked, want)
	}
	asked = nil
	order := Question{ID: "group_order", Kind: Order, Title: "Sort", Default: []string{"A", "B", "C"}}
	pickLast := func(_ context.Context, q Question) (any, error) {
		return q.Options[len(q.Options)-1].Value, nil
	}
	v, err = askOrder(context.Background(), pickLast, order)
	if err != nil || !slices.Equal(v.([]string), []string{"C", "B", "A"}) {
		t.Errorf("order: %v %v", v, err)
	}
	back := func(_ context.Context, q Question) (any, error) { return nil, ErrBack }
	if _, err := askLoop(context.Background(), back, loop); !errors.Is(err, ErrBack) {
		t.Errorf("back inside a loop: %v", err)
	}
}
