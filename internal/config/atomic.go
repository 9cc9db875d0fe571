package config

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"
)

// Seams for tests that make a step of WriteFile fail.
var (
	writeTemp  = func(f *os.File, data []byte) (int, error) { return f.Write(data) }
	syncTemp   = func(f *os.File) error { return f.Sync() }
	renameTemp = os.Rename
	// openUnnamedTemp is openUnnamed; tests turn it off to get named temps.
	openUnnamedTemp = openUnnamed
)

// OutputKind is what an output path names, as CheckOutput sees it.
type OutputKind int

// Output kinds.
const (
	// OutputNew: nothing is there yet; a new file is created.
	OutputNew OutputKind = iota
	// OutputFile: a regular file (or a link to one), replaced atomically.
	OutputFile
	// OutputStream: a pipe, a FIFO, a terminal, the null device or an
	// open descriptor (/dev/fd/N): written in place, never replaced.
	OutputStream
)

// OutputError is a path cogwiz will not write to: a directory, a device
// other than a terminal or the null device, a socket.
type OutputError struct {
	Path string
	What string // "a directory", "a block device", …
}

func (e *OutputError) Error() string {
	return fmt.Sprintf("cannot write to %s: it is %s", e.Path, e.What)
}

// Hint says what cogwiz writes to; the command line prints it.
func (e *OutputError) Hint() string {
	return "name a regular file, or - for stdout (a pipe, a terminal and /dev/null work too)"
}

// CheckOutput says what writing to path would do, without changing
// anything, so that a command can refuse a bad output before its work.
//
// Only a regular file is ever replaced: replacing anything else would turn
// a device node into a file (`-o /dev/null` as root), a link to a
// descriptor into a file nobody reads (`-o /dev/stdout`), or a FIFO a
// reader waits on into a file it never opens. Those are written in place
// instead; a device that is neither a terminal nor the null device, a
// socket and a directory are refused.
func CheckOutput(path string) (OutputKind, error) {
	if isDescriptorPath(path) {
		if _, err := os.Stat(path); err != nil {
			return 0, err
		}
		return OutputStream, nil
	}
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return OutputNew, nil
	}
	if err != nil {
		return 0, err
	}
	m := fi.Mode()
	switch {
	case m.IsRegular():
		return OutputFile, nil
	case m.IsDir():
		return 0, &OutputError{Path: path, What: "a directory"}
	case m&fs.ModeNamedPipe != 0:
		return OutputStream, nil
	case m&fs.ModeCharDevice != 0:
		// The null device takes -o /dev/null as the idiom it is (run for
		// the checks, keep nothing); a terminal shows the output. Writing
		// into either replaces nothing, so --force is not needed.
		if isNullDevice(fi) || isTerminal(path) {
			return OutputStream, nil
		}
		return 0, &OutputError{Path: path, What: "a character device"}
	case m&fs.ModeDevice != 0:
		return 0, &OutputError{Path: path, What: "a block device"}
	case m&fs.ModeSocket != 0:
		return 0, &OutputError{Path: path, What: "a socket"}
	}
	return 0, &OutputError{Path: path, What: "not a regular file"}
}

// isDescriptorPath reports whether path names an open file descriptor of
// this process (/dev/stdout, /dev/fd/3, /proc/self/fd/1, a bash >(…)):
// what it points to is someone else's open file, written in place.
func isDescriptorPath(path string) bool {
	p := filepath.Clean(path)
	for range 8 { // a few links deep: /dev/stdout → /proc/self/fd/1
		if strings.HasPrefix(p, "/dev/fd/") || strings.HasPrefix(p, "/proc/") {
			return true
		}
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return false
		}
		t, err := os.Readlink(p)
		if err != nil {
			return false
		}
		if !filepath.IsAbs(t) {
			t = filepath.Join(filepath.Dir(p), t)
		}
		p = filepath.Clean(t)
	}
	return false
}

func isTerminal(path string) bool {
	f, err := os.OpenFile(path, os.O_WRONLY|noCTTY, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	return term.IsTerminal(f.Fd())
}

// WriteOptions say how WriteFile creates and replaces.
type WriteOptions struct {
	// Perm is the mode of a new file, less the umask. A replaced file
	// keeps its own mode (and, where allowed, its owner).
	Perm fs.FileMode
	// CreateOnly refuses to replace an existing file: WriteFile fails
	// with an error that wraps fs.ErrExist. The check and the creation
	// are one step, so of two writers started together exactly one wins.
	CreateOnly bool
}

// WriteFileAtomic writes data to path like WriteFile, replacing an
// existing file, and cannot be interrupted.
func WriteFileAtomic(path string, data []byte, perm uint32) error {
	return WriteFile(context.Background(), path, data, WriteOptions{Perm: fs.FileMode(perm)})
}

// WriteFile writes data to path, which CheckOutput classifies first.
//
// A file is written whole to a temp file beside it, flushed to disk and
// renamed over path, so a reader sees the old content or the new, never
// part; an interrupted write (Ctrl-C, a crash, SIGKILL) leaves the old
// file as it was. When path is a link, the file it points to is replaced
// and the link kept. A stream is written in place, and ctx ends a write
// that blocks (a FIFO nobody reads).
//
// Temp files: on Linux the data goes to an unnamed file (O_TMPFILE) that
// gets a name only for the rename, so a process killed while writing
// leaves nothing. Elsewhere, and in the instant between naming and
// renaming, the temp file is named .<name>.cogwiz-tmp-<pid>-<random>; the
// next write beside it removes those whose process is gone.
func WriteFile(ctx context.Context, path string, data []byte, o WriteOptions) error {
	kind, err := CheckOutput(path)
	if err != nil {
		var oe *OutputError
		if errors.As(err, &oe) {
			return err
		}
		return fmt.Errorf("writing %s: %w", path, UnwrapPath(err))
	}
	switch {
	case kind == OutputStream:
		return writeInPlace(ctx, path, data)
	case kind == OutputFile && o.CreateOnly:
		return &fs.PathError{Op: "writing", Path: path, Err: fs.ErrExist}
	}
	target, mode := path, o.Perm&fs.ModePerm
	var owner *fs.FileInfo
	if kind == OutputFile {
		if resolved, err := filepath.EvalSymlinks(path); err == nil {
			target = resolved
		}
		fi, err := os.Stat(target)
		if err != nil {
			return fmt.Errorf("writing %s: %w", path, UnwrapPath(err))
		}
		mode = fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
		owner = &fi
	}
	if err := replace(target, data, mode, owner, o.CreateOnly); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return &fs.PathError{Op: "writing", Path: path, Err: fs.ErrExist}
		}
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// replace writes data to a temp file in target's directory and moves it
// to target: by rename, or, with createOnly, by a link that fails when
// target exists. A new file gets mode less the umask; an existing one
// (owner set) gets exactly its old mode and, when allowed, its owner.
func replace(target string, data []byte, mode fs.FileMode, owner *fs.FileInfo, createOnly bool) (err error) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	removeStaleTemps(dir, base)
	f, named, err := createTemp(dir, base, mode)
	if err != nil {
		return UnwrapPath(err)
	}
	placed := false
	defer func() {
		if err != nil && !placed {
			_ = f.Close()
			if named != "" {
				_ = os.Remove(named)
			}
		}
	}()
	n, err := writeTemp(f, data)
	if err == nil && n < len(data) {
		err = errors.New("short write")
	}
	if err != nil {
		return UnwrapPath(err)
	}
	if err = syncTemp(f); err != nil {
		return fmt.Errorf("flushing to disk: %w", UnwrapPath(err))
	}
	if owner != nil {
		// The umask narrowed the temp file's mode; the file it replaces
		// keeps the mode it had.
		if err = f.Chmod(mode); err != nil {
			return UnwrapPath(err)
		}
		keepOwner(f, *owner)
	}
	placed = true // the place functions clean up after themselves
	if named == "" {
		err = placeUnnamed(f, dir, base, target, createOnly)
	} else {
		err = placeNamed(f, named, target, createOnly)
	}
	if err != nil {
		return err
	}
	// Make the rename itself durable; not every platform can sync a
	// directory, and the file is already complete, so failure is ignored.
	if d, dirErr := os.Open(dir); dirErr == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

// placeUnnamed gives the unnamed file f its place at target: a link when
// target must not exist, else a link to a temp name renamed over target.
func placeUnnamed(f *os.File, dir, base, target string, createOnly bool) error {
	if createOnly {
		if err := linkUnnamed(f, target); err != nil {
			return UnwrapPath(err)
		}
		return UnwrapPath(f.Close())
	}
	named := tempName(dir, base)
	if err := linkUnnamed(f, named); err != nil {
		return UnwrapPath(err)
	}
	if err := renameTemp(named, target); err != nil {
		_ = os.Remove(named)
		return UnwrapPath(err)
	}
	return UnwrapPath(f.Close())
}

// placeNamed moves the temp file named to target, closed first (Windows
// cannot rename an open file): a rename, or a link that fails when target
// exists.
func placeNamed(f *os.File, named, target string, createOnly bool) error {
	if err := f.Close(); err != nil {
		return UnwrapPath(err)
	}
	if createOnly {
		err := os.Link(named, target)
		_ = os.Remove(named)
		return UnwrapPath(err)
	}
	if err := renameTemp(named, target); err != nil {
		_ = os.Remove(named)
		return UnwrapPath(err)
	}
	return nil
}

// createTemp opens a new file in dir for writing with mode (less the
// umask): unnamed where the system allows it (named == ""), otherwise
// under a name tempName gives.
func createTemp(dir, base string, mode fs.FileMode) (f *os.File, named string, err error) {
	if f, err := openUnnamedTemp(dir, mode); err == nil {
		return f, "", nil
	}
	for range 10 {
		name := tempName(dir, base)
		f, err = os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, mode)
		if !errors.Is(err, fs.ErrExist) {
			return f, name, err
		}
	}
	return nil, "", err
}

// tempMark is in every temp file name, so that leftovers are recognised.
const tempMark = ".cogwiz-tmp-"

// tempName is .<base>.cogwiz-tmp-<pid>-<random> in dir: the pid says
// whether the writer is still running.
func tempName(dir, base string) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return filepath.Join(dir, "."+base+tempMark+strconv.Itoa(os.Getpid())+"-"+hex.EncodeToString(b[:]))
}

// removeStaleTemps removes the temp files beside base that a killed
// cogwiz left behind: those whose writing process no longer runs. A live
// writer's temp file is left alone.
func removeStaleTemps(dir, base string) {
	prefix := "." + base + tempMark
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid == os.Getpid() || processRunning(pid) {
			continue
		}
		_ = os.Remove(filepath.Join(dir, e.Name()))
	}
}

// writeInPlace writes data into an existing stream without creating,
// truncating or replacing it. Opening a FIFO waits for its reader and a
// write waits while the reader is slow; ctx ends both waits.
func writeInPlace(ctx context.Context, path string, data []byte) error {
	_, err := untilDone(ctx, func() (struct{}, error) {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|noCTTY, 0)
		if err != nil {
			return struct{}{}, err
		}
		if _, err := f.Write(data); err != nil {
			_ = f.Close()
			return struct{}{}, err
		}
		return struct{}{}, f.Close()
	})
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, UnwrapPath(err))
	}
	return nil
}

// UnwrapPath drops the file name from *PathError and *LinkError, so that
// a message names the user's file (its own path, not a temporary one) once.
func UnwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
