//go:build unix

package config

import (
	"io/fs"
	"os"
	"syscall"
)

// noCTTY keeps a terminal opened as an output from becoming the
// process's controlling terminal.
const noCTTY = syscall.O_NOCTTY

// keepOwner gives f the owner and group of the file it replaces, when
// this process may (root writing someone's file); otherwise the new file
// belongs to whoever writes it, as with any editor.
func keepOwner(f *os.File, old fs.FileInfo) {
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok || (int(st.Uid) == os.Geteuid() && int(st.Gid) == os.Getegid()) {
		return
	}
	_ = f.Chown(int(st.Uid), int(st.Gid))
}

// isNullDevice reports whether fi is a node of the null device: the same
// device number as /dev/null, wherever the node is.
func isNullDevice(fi fs.FileInfo) bool {
	null, err := os.Stat(os.DevNull)
	if err != nil {
		return false
	}
	a, ok1 := fi.Sys().(*syscall.Stat_t)
	b, ok2 := null.Sys().(*syscall.Stat_t)
	return ok1 && ok2 && a.Rdev == b.Rdev
}
