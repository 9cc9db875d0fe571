package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Seams for tests that make a step of WriteFileAtomic fail.
var (
	writeTemp  = func(f *os.File, data []byte) (int, error) { return f.Write(data) }
	syncTemp   = func(f *os.File) error { return f.Sync() }
	renameTemp = os.Rename
)

// WriteFileAtomic writes data to a temp file beside path and renames it
// over path, so a reader never sees a half-written file.
//
// The temp file is written, flushed to disk and given perm before the
// rename; on any error it is removed and path is left as it was. An
// existing file is never truncated in place, so an interrupted write (even
// Ctrl-C or a crash) leaves either the old content or the new one. When
// path is a symbolic link, the file it points to is replaced and the link
// kept.
func WriteFileAtomic(path string, data []byte, perm uint32) (err error) {
	target := path
	if resolved, evalErr := filepath.EvalSymlinks(path); evalErr == nil {
		target = resolved
	}
	if fi, statErr := os.Stat(target); statErr == nil && fi.IsDir() {
		return fmt.Errorf("writing %s: is a directory", path)
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	n, err := writeTemp(f, data)
	if err == nil && n < len(data) {
		err = errors.New("short write")
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	if err = syncTemp(f); err != nil {
		return fmt.Errorf("writing %s: flushing to disk: %w", path, unwrapPath(err))
	}
	if err = f.Chmod(fs.FileMode(perm) & fs.ModePerm); err != nil {
		return fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	if err = renameTemp(tmp, target); err != nil {
		return fmt.Errorf("writing %s: %w", path, unwrapPath(err))
	}
	// Make the rename itself durable; not every platform can sync a
	// directory, and the file is already complete, so failure is ignored.
	if d, dirErr := os.Open(dir); dirErr == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

// unwrapPath drops the temp file name from *PathError and *LinkError so
// messages name the user's file, not ours.
func unwrapPath(err error) error {
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
