package config

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
)

// Size caps for the files cogwiz reads. A file larger than its cap is
// refused before it is parsed: a wrong -f (a log, a disk image, /dev/zero)
// must fail fast with a clear message instead of eating memory and
// printing millions of problems.
const (
	// MaxConfigSize caps cognito.yaml. A complete file, every key with
	// its comment, is about 20 KiB; even a pool with hundreds of app
	// clients and thousands of groups written out is a few hundred KiB. At
	// 2 MiB, 100 times a complete file, the worst case (nothing but list
	// items, each one a problem) still reads in about two seconds and a
	// few hundred MB.
	MaxConfigSize = 2 << 20
	// MaxAnswersSize caps an --answers file: one short line per question,
	// a few KiB for the whole wizard.
	MaxAnswersSize = 256 << 10
)

// TooLargeError is a file over its size cap.
type TooLargeError struct {
	Path string
	// Size is the file's size, or 0 when it is a stream (a pipe or
	// device) and only "more than Max" is known.
	Size int64
	Max  int64
}

func (e *TooLargeError) Error() string {
	if e.Size > 0 {
		return fmt.Sprintf("reading %s: the file is %s, more than the %s cogwiz reads", e.Path, byteSize(e.Size), byteSize(e.Max))
	}
	return fmt.Sprintf("reading %s: more than %s of input, the most cogwiz reads", e.Path, byteSize(e.Max))
}

// Hint says what to do; the command line prints it on its own line.
func (e *TooLargeError) Hint() string {
	return "check that the path names the right file"
}

// byteSize writes n as KiB or MiB, with one decimal rounded up when it is
// not whole, so that a size just over a cap never reads as the cap.
func byteSize(n int64) string {
	unit, name := int64(1), "bytes"
	switch {
	case n >= 1<<20:
		unit, name = 1<<20, "MiB"
	case n >= 1<<10:
		unit, name = 1<<10, "KiB"
	}
	if n%unit == 0 {
		return fmt.Sprintf("%d %s", n/unit, name)
	}
	tenths := (n*10 + unit - 1) / unit
	return fmt.Sprintf("%d.%d %s", tenths/10, tenths%10, name)
}

// errIsDir is the reason given for a directory where a file belongs.
var errIsDir = errors.New("is a directory, not a file")

// ReadFile reads the file at path, refusing more than max bytes, and gives
// up when ctx ends (Ctrl-C).
//
// A regular file over max is refused from its size, unread. Anything else
// a path can name — a pipe (-f <(sops -d ...)), a FIFO, a terminal,
// /dev/stdin, a device — is read as a stream and refused once max+1 bytes
// have arrived, so /dev/zero costs max bytes of memory, not all of it. A
// directory is refused. Errors from the file system keep their type
// (errors.Is(err, fs.ErrNotExist) holds for a missing file).
func ReadFile(ctx context.Context, path string, max int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, &fs.PathError{Op: "reading", Path: path, Err: errIsDir}
	}
	if fi.Mode().IsRegular() && fi.Size() > max {
		return nil, &TooLargeError{Path: path, Size: fi.Size(), Max: max}
	}
	var (
		mu     sync.Mutex
		open   *os.File
		closed bool
	)
	data, err := untilDone(ctx, func() ([]byte, error) {
		// Opening a FIFO blocks until a writer opens it, and reading a
		// FIFO or a terminal blocks until data comes; both happen here,
		// where ctx can stop waiting for them.
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		mu.Lock()
		open = f
		if closed {
			_ = f.Close()
		}
		mu.Unlock()
		defer f.Close()
		// At most max+1 bytes: one more than allowed says the file is too large.
		data, err := io.ReadAll(io.LimitReader(f, max+1))
		if err != nil {
			return nil, err
		}
		return data, nil
	})
	if ctx.Err() != nil {
		// Closing the file ends a read blocked on a pipe or terminal, so
		// nothing is left behind; an open(2) still waiting for a FIFO's
		// writer cannot be interrupted and ends with the process.
		mu.Lock()
		closed = true
		if open != nil {
			_ = open.Close()
		}
		mu.Unlock()
		return nil, fmt.Errorf("reading %s: %w", path, ctx.Err())
	}
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		size := int64(0)
		if fi.Mode().IsRegular() {
			size = int64(len(data)) // it grew since the Stat
		}
		return nil, &TooLargeError{Path: path, Size: size, Max: max}
	}
	return data, nil
}

// untilDone runs f and waits for its result or for ctx to end, whichever
// comes first. On ctx's end f keeps running on its own; its result is
// dropped.
func untilDone[T any](ctx context.Context, f func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := f()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}
