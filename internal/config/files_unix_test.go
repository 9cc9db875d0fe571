//go:build unix

package config

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/cogwiz/cogwiz/internal/cmdutil/cmdtest"
)

// A file written over keeps its mode: a 0600 file holding something
// private must not become world-readable.
func TestWriteFileKeepsMode(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "cognito.yaml")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(context.Background(), path, []byte("new"), WriteOptions{Perm: 0o644}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after the write %v, %v; want 0600 as before", fi.Mode(), err)
	}
}

// A new file gets Perm less the umask, like every Unix program. It
// changes the process umask, so it does not run in parallel.
func TestWriteFileHonoursUmask(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	for _, name := range []string{"cognito.yaml", "create-pool.sh"} {
		perm := fs.FileMode(0o644)
		if strings.HasSuffix(name, ".sh") {
			perm = 0o755
		}
		path := filepath.Join(dir, name)
		if err := WriteFile(context.Background(), path, []byte("x"), WriteOptions{Perm: perm}); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != perm&^0o027 {
			t.Errorf("%s: mode %v, %v; want %v", name, fi.Mode(), err, perm&^0o027)
		}
	}
}

// Two writers that may only create: exactly one succeeds, the other gets
// fs.ErrExist, and the file holds the winner's content whole.
func TestWriteFileCreateOnlyRace(t *testing.T) {
	t.Parallel()
	for round := range 20 {
		path := filepath.Join(t.TempDir(), "cognito.yaml")
		contents := [][]byte{bytes.Repeat([]byte("a"), 16<<10), bytes.Repeat([]byte("b"), 16<<10)}
		errs := make([]error, 2)
		var wg sync.WaitGroup
		for i := range 2 {
			wg.Go(func() {
				errs[i] = WriteFile(context.Background(), path, contents[i], WriteOptions{Perm: 0o644, CreateOnly: true})
			})
		}
		wg.Wait()
		won := 0
		for i, err := range errs {
			switch {
			case err == nil:
				won++
				if got, _ := os.ReadFile(path); !bytes.Equal(got, contents[i]) {
					t.Fatalf("round %d: the file does not hold the winner's content whole", round)
				}
			case !errors.Is(err, fs.ErrExist):
				t.Fatalf("round %d: the loser's error %v does not wrap fs.ErrExist", round, err)
			}
		}
		if won != 1 {
			t.Fatalf("round %d: %d writers succeeded, want exactly 1 (%v)", round, won, errs)
		}
		assertOnlyFiles(t, filepath.Dir(path), "cognito.yaml")
	}
}

// A temp file whose process is gone is removed by the next write beside
// it; one of a running process is not.
func TestWriteFileRemovesStaleTemps(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "cognito.yaml")
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	stale := "." + "cognito.yaml" + tempMark + strconv.Itoa(dead.Process.Pid) + "-abc"
	live := "." + "cognito.yaml" + tempMark + strconv.Itoa(os.Getppid()) + "-def"
	other := ".other.yaml" + tempMark + strconv.Itoa(dead.Process.Pid) + "-abc"
	for _, n := range []string{stale, live, other} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteFileAtomic(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	assertOnlyFiles(t, dir, live, other, "cognito.yaml")
}

// SIGKILL in the middle of a write: the old file is intact, and no temp
// file is left behind — none at all where O_TMPFILE works (Linux), and
// none after the next write elsewhere.
func TestWriteFileKilledMidWrite(t *testing.T) {
	t.Parallel()
	for _, named := range []bool{false, true} {
		t.Run("named="+strconv.FormatBool(named), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			path := filepath.Join(dir, "cognito.yaml")
			old := []byte("version: 1\n")
			if err := os.WriteFile(path, old, 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0])
			cmd.Env = append(os.Environ(), "COGWIZ_HELPER_WRITE="+path, "COGWIZ_HELPER_NAMED="+strconv.FormatBool(named))
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(stdout).ReadString('\n')
			if err != nil || line != "writing\n" {
				_ = cmd.Process.Kill()
				t.Fatalf("helper said %q, %v", line, err)
			}
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			_ = cmd.Wait()
			if got, _ := os.ReadFile(path); !bytes.Equal(got, old) {
				t.Fatalf("the old file changed: %q", got)
			}
			if !named && runtime.GOOS == "linux" {
				assertOnlyFiles(t, dir, "cognito.yaml")
			}
			if err := WriteFileAtomic(path, []byte("version: 1\n# new\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			assertOnlyFiles(t, dir, "cognito.yaml")
		})
	}
}

// TestMain turns the test binary into the process
// TestWriteFileKilledMidWrite kills, when asked to.
func TestMain(m *testing.M) {
	if path := os.Getenv("COGWIZ_HELPER_WRITE"); path != "" {
		blockedWrite(path, os.Getenv("COGWIZ_HELPER_NAMED") == "true")
		return
	}
	os.Exit(m.Run())
}

// blockedWrite writes half the data of a write to path, says so on
// stdout, and waits to be killed.
func blockedWrite(path string, named bool) {
	if named {
		openUnnamedTemp = func(string, fs.FileMode) (*os.File, error) { return nil, errors.ErrUnsupported }
	}
	writeTemp = func(f *os.File, data []byte) (int, error) {
		_, _ = f.Write(data[:len(data)/2])
		_ = f.Sync()
		os.Stdout.WriteString("writing\n")
		select {}
	}
	_ = WriteFileAtomic(path, bytes.Repeat([]byte("new content\n"), 1000), 0o644)
}

// Outputs that are not regular files are written in place, never
// replaced: a FIFO keeps its reader, a device node stays a device.
func TestWriteFileStreamsInPlace(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()

	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- b
	}()
	if err := WriteFile(context.Background(), fifo, []byte("through the pipe"), WriteOptions{Perm: 0o644}); err != nil {
		t.Fatal(err)
	}
	if b := <-got; string(b) != "through the pipe" {
		t.Errorf("the FIFO's reader got %q", b)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v, %v", fi.Mode(), err)
	}

	null := cmdtest.NullDeviceNode(t, dir)
	for _, force := range []bool{false, true} {
		if err := WriteFile(context.Background(), null, []byte("discarded"), WriteOptions{Perm: 0o644, CreateOnly: !force}); err != nil {
			t.Errorf("writing into %s: %v", null, err)
		}
		if fi, err := os.Lstat(null); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
			t.Fatalf("%s is no longer a character device: %v, %v", null, fi.Mode(), err)
		}
	}
}

// A block device, a socket, a directory and a device that is neither a
// terminal nor the null device are refused, and left as they were.
func TestWriteFileRefusesOtherKinds(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	sock := filepath.Join(dir, "s.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	cases := map[string]string{sock: "a socket", dir: "a directory"}
	var st unix.Stat_t
	if unix.Stat(os.DevNull, &st) == nil {
		zero := filepath.Join(dir, "zero") // /dev/zero: 1,5 on Linux
		if unix.Mknod(zero, unix.S_IFCHR|0o666, int(unix.Mkdev(1, 5))) == nil && runtime.GOOS == "linux" {
			cases[zero] = "a character device"
		}
		block := filepath.Join(dir, "block")
		if unix.Mknod(block, unix.S_IFBLK|0o600, int(unix.Mkdev(7, 0))) == nil {
			cases[block] = "a block device"
		}
	}
	for path, what := range cases {
		before, _ := os.Lstat(path)
		err := WriteFile(context.Background(), path, []byte("x"), WriteOptions{Perm: 0o644})
		var oe *OutputError
		if !errors.As(err, &oe) || oe.What != what {
			t.Errorf("%s: %v, want it refused as %s", path, err, what)
		}
		if after, _ := os.Lstat(path); after == nil || after.Mode() != before.Mode() {
			t.Errorf("%s changed", path)
		}
	}
}

// /dev/stdout and /dev/fd/N name an open descriptor: written in place.
func TestCheckOutputDescriptorPaths(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"/dev/stdout", "/dev/fd/1", "/proc/self/fd/2"} {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		if k, err := CheckOutput(p); err != nil || k != OutputStream {
			t.Errorf("CheckOutput(%s) = %v, %v; want a stream", p, k, err)
		}
	}
	link := filepath.Join(t.TempDir(), "out")
	if err := os.Symlink("/dev/stderr", link); err == nil {
		if k, err := CheckOutput(link); err != nil || k != OutputStream {
			t.Errorf("a link to /dev/stderr = %v, %v; want a stream", k, err)
		}
	}
}

// ReadFile refuses a regular file over the cap from its size, unread.
func TestReadFileTooLarge(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "big.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(56 << 20); err != nil { // sparse: costs no disk
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadFile(context.Background(), path, MaxConfigSize)
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Size != 56<<20 {
		t.Fatalf("err = %v, want a TooLargeError of 56 MiB", err)
	}
	if want := "reading " + path + ": the file is 56 MiB, more than the 2 MiB cogwiz reads"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	if _, err := ReadFile(context.Background(), filepath.Dir(path), MaxConfigSize); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("reading a directory: %v", err)
	}
}

// Streams are read up to the cap and no further: /dev/zero and a FIFO
// fed without end are refused with bounded memory.
func TestReadFileBoundsStreams(t *testing.T) {
	t.Parallel()
	const max = 1 << 20
	if _, err := os.Stat("/dev/zero"); err == nil {
		_, err := ReadFile(context.Background(), "/dev/zero", max)
		var tl *TooLargeError
		if !errors.As(err, &tl) || tl.Size != 0 || !strings.Contains(err.Error(), "more than 1 MiB of input") {
			t.Errorf("/dev/zero: %v", err)
		}
	}
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		chunk := bytes.Repeat([]byte("- a\n"), 1024)
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}()
	_, err := ReadFile(context.Background(), fifo, max)
	var tl *TooLargeError
	if !errors.As(err, &tl) {
		t.Errorf("an endless FIFO: %v, want TooLargeError", err)
	}
}

// Ctrl-C ends a read that waits: a FIFO nobody writes to (blocked in
// open), and one whose writer never sends (blocked in read).
func TestReadFileCancelled(t *testing.T) {
	t.Parallel()
	for _, writer := range []bool{false, true} {
		t.Run("writer="+strconv.FormatBool(writer), func(t *testing.T) {
			t.Parallel()
			fifo := filepath.Join(t.TempDir(), "fifo")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Fatal(err)
			}
			if writer {
				w, err := os.OpenFile(fifo, os.O_RDWR, 0) // holds it open, sends nothing
				if err != nil {
					t.Fatal(err)
				}
				defer w.Close()
			} else {
				// Let the abandoned open(2) finish when the test ends.
				defer func() {
					if w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
						w.Close()
					}
				}()
			}
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(50*time.Millisecond, cancel)
			start := time.Now()
			_, err := ReadFile(ctx, fifo, MaxConfigSize)
			if !errors.Is(err, context.Canceled) {
				t.Errorf("err = %v, want context.Canceled", err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("ReadFile returned %v after Ctrl-C", d)
			}
		})
	}
}
