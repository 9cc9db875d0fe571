package cmdutil

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ReadLine asks question on w and reads one line of answer from r, without
// its line ending. End of input, a read error or Ctrl-C (ctx done) is
// ErrCancelled. Ctrl-C ends the wait at once: a read from a terminal cannot
// be interrupted, so it is left behind, and the process exits right after.
func ReadLine(ctx context.Context, r io.Reader, w io.Writer, question string) (string, error) {
	fmt.Fprint(w, question)
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReader(r)
	}
	return AwaitLine(ctx, w, func() (string, error) { return br.ReadString('\n') })
}

// AwaitLine runs read (one blocking read of a line) and waits for it or for
// ctx, whichever comes first; see ReadLine.
func AwaitLine(ctx context.Context, w io.Writer, read func() (string, error)) (string, error) {
	type result struct {
		line string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		line, err := read()
		done <- result{line, err}
	}()
	select {
	case <-ctx.Done():
		fmt.Fprintln(w) // end the question's line before the shell prompt
		return "", ErrCancelled
	case res := <-done:
		if res.err != nil && (!errors.Is(res.err, io.EOF) || res.line == "") {
			return "", ErrCancelled
		}
		return strings.TrimRight(res.line, "\r\n"), nil
	}
}
