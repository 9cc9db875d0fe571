package config

import (
	"errors"
	"os"
	"syscall"
)

// processRunning reports whether a process with id pid exists (on Unix, a
// process of another user counts).
func processRunning(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false // Windows: no such process
	}
	err = p.Signal(syscall.Signal(0))
	return !errors.Is(err, os.ErrProcessDone) && !errors.Is(err, syscall.ESRCH)
}
