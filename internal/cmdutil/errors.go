// Package cmdutil holds what every command shares: the Factory of lazily
// built dependencies, exit codes and the typed errors that map onto them.
package cmdutil

import (
	"errors"
	"fmt"

	"github.com/cogwiz/cogwiz/internal/cognito"
)

// Exit codes, part of the product contract.
const (
	ExitOK        = 0
	ExitFailure   = 1
	ExitChanges   = 2 // plan --detailed-exitcode: there are changes
	ExitUsage     = 3
	ExitCancelled = 130
)

// ErrCancelled is returned when the user pressed Ctrl-C or Esc. Nothing is
// printed for it; the process exits 130.
var ErrCancelled = errors.New("cancelled")

// Cancelled is ErrCancelled saying what the cancel left behind; it is
// printed ("cancelled: nothing was written") and exits 130.
func Cancelled(note string) error { return fmt.Errorf("%w: %s", ErrCancelled, note) }

// ErrSilent exits 1 without printing (the command already explained itself).
var ErrSilent = errors.New("silent error")

// FlagError is a usage problem: printed with a hint to --help, exit 3.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// FlagErrorf builds a FlagError.
func FlagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// ExitError carries a specific exit code, an optional hint line, and
// whether the message was already printed.
type ExitError struct {
	Code int
	Err  error
	// Hint is printed on its own line after the error: the fix.
	Hint string
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}
func (e *ExitError) Unwrap() error { return e.Err }

// WithHint wraps err so that a hint line with the fix is printed after it.
func WithHint(err error, hint string) error {
	return &ExitError{Code: ExitFailure, Err: err, Hint: hint}
}

// ExitCodeOf maps an error returned by a command to the process exit code.
func ExitCodeOf(err error) int {
	if err == nil {
		return ExitOK
	}
	if errors.Is(err, ErrCancelled) {
		return ExitCancelled
	}
	var fe *FlagError
	if errors.As(err, &fe) {
		return ExitUsage
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return ExitFailure
}

// Explain is what cogwiz prints for err, in every command: one line that
// says what failed and why — with the AWS SDK's errors reworded by
// cognito.Friendly, so that none of its raw text reaches the user — and
// the hint with the fix, when one is known.
func Explain(err error) (msg, hint string) {
	if err == nil {
		return "", ""
	}
	err = cognito.Friendly(err)
	for e := err; e != nil; e = errors.Unwrap(e) {
		switch x := e.(type) {
		case *ExitError:
			hint = x.Hint
		case interface{ Hint() string }:
			hint = x.Hint()
		}
		if hint != "" {
			break
		}
	}
	return err.Error(), hint
}
