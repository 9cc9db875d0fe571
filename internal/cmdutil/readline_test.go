package cmdutil

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

func TestReadLine(t *testing.T) {
	var w bytes.Buffer
	got, err := ReadLine(context.Background(), strings.NewReader("bob\r\nrest\n"), &w, "Name: ")
	if err != nil || got != "bob" || w.String() != "Name: " {
		t.Fatalf("ReadLine = %q, %v; asked %q", got, err, w.String())
	}
	if got, err := ReadLine(context.Background(), strings.NewReader("no newline"), io.Discard, ""); err != nil || got != "no newline" {
		t.Fatalf("last line without newline = %q, %v", got, err)
	}
	if _, err := ReadLine(context.Background(), strings.NewReader(""), io.Discard, ""); !errors.Is(err, ErrCancelled) {
		t.Fatalf("end of input = %v, want ErrCancelled", err)
	}
}

// Ctrl-C cancels the context while the read still blocks (a terminal with
// nobody typing): ReadLine must return at once.
func TestReadLineReturnsOnCtrlC(t *testing.T) {
	r, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(20 * time.Millisecond)
		cancel()
	}()
	done := make(chan error, 1)
	go func() {
		_, err := ReadLine(ctx, r, io.Discard, "Type the username to confirm: ")
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrCancelled) {
			t.Fatalf("err = %v, want ErrCancelled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ReadLine kept waiting after Ctrl-C")
	}
}
