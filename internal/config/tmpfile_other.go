//go:build !linux

package config

import (
	"errors"
	"io/fs"
	"os"
)

// openUnnamed is Linux's O_TMPFILE; elsewhere temp files are named.
func openUnnamed(string, fs.FileMode) (*os.File, error) { return nil, errors.ErrUnsupported }

func linkUnnamed(*os.File, string) error { return errors.ErrUnsupported }
