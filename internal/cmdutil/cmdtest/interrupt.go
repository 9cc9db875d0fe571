package cmdtest

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// InterruptAtPrompt turns ios into a terminal nobody types into, runs the
// command newCmd builds (over those streams), waits until stderr shows
// prompt, then cancels the context as Ctrl-C does, and returns the
// command's error. It fails the test when the prompt never shows or the
// command keeps waiting after the interrupt.
func InterruptAtPrompt(t *testing.T, ios *iostreams.IOStreams, newCmd func() *cobra.Command, prompt string) error {
	t.Helper()
	errOut := &LockedBuffer{}
	stdin, never := io.Pipe()
	t.Cleanup(func() { never.Close() })
	ios.In, ios.ErrOut = stdin, errOut
	ios.SetStdinTTY(true)
	ios.SetStderrTTY(true)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := newCmd()
	cmd.SetArgs(nil)
	cmd.SetOut(ios.Out)
	cmd.SetErr(errOut)
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()

	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(errOut.String(), prompt) {
		select {
		case err := <-done:
			t.Fatalf("the command ended before asking %q: %v\n%s", prompt, err, errOut)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %q on stderr after 5s:\n%s", prompt, errOut)
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatalf("still waiting for input 5s after Ctrl-C")
		return nil
	}
}

// LockedBuffer is a bytes.Buffer safe for a command writing while the test reads.
type LockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *LockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *LockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
