package cmdutil

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// Output is where a command writes what it makes (export -o, import -o,
// init's -f, apply --outputs): stdout, a regular file replaced atomically,
// or a stream (pipe, terminal, /dev/null) written in place. Only a regular
// file is ever replaced; see config.CheckOutput.
type Output struct {
	// Path is the path as the user gave it.
	Path string
	kind config.OutputKind
	// std is this process's stdout or stderr when Path names it.
	std io.Writer
}

// CheckOutput looks at path before the command does any work, so that a
// refused output changes nothing. "-", /dev/stdout and /dev/fd/1 are
// stdout (written through ios, never reopened: reading or replacing
// them would block on or lose the pipe), /dev/stderr and /dev/fd/2 stderr.
func CheckOutput(ios *iostreams.IOStreams, path string) (*Output, error) {
	switch std := stdStream(path); std {
	case 1:
		return &Output{Path: path, kind: config.OutputStream, std: ios.Out}, nil
	case 2:
		return &Output{Path: path, kind: config.OutputStream, std: ios.ErrOut}, nil
	}
	kind, err := config.CheckOutput(path)
	if err != nil {
		var oe *config.OutputError
		if errors.As(err, &oe) {
			return nil, WithHint(err, oe.Hint())
		}
		return nil, fmt.Errorf("checking %s: %w", path, config.UnwrapPath(err))
	}
	return &Output{Path: path, kind: kind}, nil
}

// stdStream is 1 when path names stdout, 2 for stderr, else 0.
func stdStream(path string) int {
	if path == "-" {
		return 1
	}
	switch filepath.Clean(path) {
	case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1":
		return 1
	case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2":
		return 2
	}
	return 0
}

// Exists reports whether a regular file is there: the one thing --force
// is about. A stream is written into, not over, and needs no --force.
func (o *Output) Exists() bool { return o.kind == config.OutputFile }

// IsStdout reports whether the output is this process's stdout.
func (o *Output) IsStdout() bool { return o.std != nil && stdStream(o.Path) == 1 }

// IsFile reports whether the output is (or will be) a regular file.
func (o *Output) IsFile() bool { return o.kind != config.OutputStream }

// Write writes data. A new file gets perm less the umask; an existing
// one keeps its mode. Without replace an existing file is not replaced:
// the file is created only if it is still absent (atomically: of two
// commands started together one fails) and the error says to pass
// --force.
func (o *Output) Write(ctx context.Context, data []byte, perm fs.FileMode, replace bool) error {
	if o.std != nil {
		_, err := o.std.Write(data)
		return err
	}
	err := config.WriteFile(ctx, o.Path, data, config.WriteOptions{Perm: perm, CreateOnly: !replace})
	if errors.Is(err, fs.ErrExist) {
		return o.ExistsError("pass --force to replace it, or write to another file")
	}
	return err
}

// ExistsError says the output file exists, with hint as the fix;
// errors.Is(err, fs.ErrExist) holds.
func (o *Output) ExistsError(hint string) error {
	return WithHint(&existsError{path: o.Path}, hint)
}

type existsError struct{ path string }

func (e *existsError) Error() string { return e.path + " already exists" }
func (e *existsError) Unwrap() error { return fs.ErrExist }

// Head returns up to the first n bytes of the existing regular file (for
// a marker in its first lines). It never opens a stream: a FIFO or pipe
// would block, and stdout would be read back from itself.
func (o *Output) Head(n int) ([]byte, error) {
	if o.kind != config.OutputFile {
		return nil, nil
	}
	f, err := os.Open(o.Path)
	if err != nil {
		return nil, fmt.Errorf("checking %s: %w", o.Path, config.UnwrapPath(err))
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, nil // swapped for something else since CheckOutput
	}
	b := make([]byte, n)
	m, err := io.ReadFull(f, b)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("checking %s: %w", o.Path, err)
	}
	return b[:m], nil
}
