//go:build unix

package cmdtest

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// NullDeviceNode returns a node of the null device in dir, made with
// mknod when the process may (root), for tests that write to a device
// and check it is still one afterwards. Without root it is /dev/null
// itself, which such a process cannot replace either. Root that may not
// mknod skips the test: a regression would replace the machine's
// /dev/null.
func NullDeviceNode(t testing.TB, dir string) string {
	t.Helper()
	var st unix.Stat_t
	if err := unix.Stat(os.DevNull, &st); err != nil {
		t.Fatal(err)
	}
	node := filepath.Join(dir, "null")
	if err := unix.Mknod(node, unix.S_IFCHR|0o666, int(st.Rdev)); err != nil {
		if os.Geteuid() == 0 {
			t.Skipf("root without permission to mknod: %v", err)
		}
		return os.DevNull
	}
	return node
}
