package root

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cmdutil/cmdtest"
	"github.com/cogwiz/cogwiz/internal/config"
)

// These tests run cogwiz as a process (this test binary, see TestMain)
// over real files, FIFOs, device nodes and pipes, and send it real
// signals.

// cli returns the command `cogwiz args...` run in dir.
func cli(t *testing.T, dir string, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), asCLI+"=1", "NO_COLOR=1")
	return cmd
}

// run runs cmd with a deadline: a command that hangs fails the test
// instead of the test run.
func run(t *testing.T, cmd *exec.Cmd) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	if cmd.Stdout == nil {
		cmd.Stdout = &out
	}
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("%v hung; stderr so far: %s", cmd.Args[1:], errOut.String())
	}
	return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
}

// project is a directory holding a valid cognito.yaml.
func project(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := config.Save(filepath.Join(dir, config.DefaultFile), config.Recommended()); err != nil {
		t.Fatal(err)
	}
	return dir
}

func assertCharDevice(t *testing.T, path string) {
	t.Helper()
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a character device: %v, %v", path, fi.Mode(), err)
	}
}

// `-o /dev/null --force` as root wrote a regular file over /dev/null. Every
// command that writes a file must leave the device a device.
func TestOutputToTheNullDeviceKeepsTheDevice(t *testing.T) {
	t.Parallel()
	amplifyProject, err := filepath.Abs(filepath.Join("..", "..", "amplify", "testdata", "default"))
	if err != nil {
		t.Fatal(err)
	}
	for name, args := range map[string][]string{
		"export":           {"export", "cloudformation", "--force", "-o"},
		"export, no force": {"export", "terraform", "-o"},
		"import amplify":   {"import", "amplify", amplifyProject, "--force", "-o"},
		"init -f":          {"init", "--defaults", "--force", "-f"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := project(t)
			null := cmdtest.NullDeviceNode(t, dir)
			_, stderr, code := run(t, cli(t, dir, append(args, null)...))
			if code != 0 {
				t.Errorf("exit %d: %s", code, stderr)
			}
			assertCharDevice(t, null)
		})
	}
}

// -o naming stdout (/dev/stdout, a link to /proc/self/fd/1) writes into the
// pipe. Before, the output check read its own pipe and hung, and --force
// replaced the link with a file nobody read.
func TestOutputToStdoutReachesThePipe(t *testing.T) {
	t.Parallel()
	dir := project(t)
	// A link of our own to /proc/self/fd/1 rather than /dev/stdout, so that
	// a regression replaces the test's link and not the machine's.
	link := filepath.Join(dir, "stdout")
	if err := os.Symlink("/proc/self/fd/1", link); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"export", "cloudformation", "-o", "/dev/stdout"},
		{"export", "cloudformation", "-o", link, "--force"},
		{"export", "cloudformation", "-o", link},
		{"export", "cloudformation", "-o", "-"},
		{"init", "--defaults", "-f", "-"},
		{"init", "--defaults", "-f", link, "--force"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			stdout, stderr, code := run(t, cli(t, dir, args...))
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !strings.Contains(stdout, "by cogwiz from cognito.yaml") && !strings.Contains(stdout, "resource_name:") {
				t.Errorf("nothing reached the pipe; stdout %q, stderr %q", stdout, stderr)
			}
			if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
				t.Fatalf("the link %s was replaced: %v, %v", link, fi.Mode(), err)
			}
		})
	}
}

// Two `init` without --force started together: exactly one writes the
// file, the other says it already exists.
func TestTwoInitsAtOnce(t *testing.T) {
	t.Parallel()
	for round := range 5 {
		dir := t.TempDir()
		codes := make([]int, 2)
		stderrs := make([]string, 2)
		var wg sync.WaitGroup
		for i := range 2 {
			cmd := cli(t, dir, "init", "--defaults")
			wg.Go(func() { _, stderrs[i], codes[i] = run(t, cmd) })
		}
		wg.Wait()
		if codes[0]+codes[1] != 1 {
			t.Fatalf("round %d: exits %v, want one 0 and one 1:\n%s\n%s", round, codes, stderrs[0], stderrs[1])
		}
		loser := stderrs[codes[1]]
		if !strings.Contains(loser, "error: cognito.yaml already exists") || !strings.Contains(loser, "hint: pass --force") {
			t.Errorf("round %d: the second init said %q", round, loser)
		}
	}
}

// blockedIn waits until a thread of process pid sleeps in a kernel
// function named in waits (as /proc/PID/task/TID/wchan shows it), or until
// at least min of its descriptors point at target (a path, or pipe:[N]).
// It gives up after a few seconds and lets the test go on: a kernel that
// hides these only costs the wait.
func blockedIn(t *testing.T, pid int, target string, min int, waits ...string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		tasks, _ := filepath.Glob("/proc/" + strconv.Itoa(pid) + "/task/*/wchan")
		for _, task := range tasks {
			b, _ := os.ReadFile(task)
			for _, w := range waits {
				if string(b) == w {
					return
				}
			}
		}
		if target != "" {
			fds, _ := filepath.Glob("/proc/" + strconv.Itoa(pid) + "/fd/*")
			n := 0
			for _, fd := range fds {
				if l, _ := os.Readlink(fd); l == target {
					n++
				}
			}
			if n >= min {
				return
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Logf("could not see process %d block; signalling anyway", pid)
}

// interruptAfter starts cmd, waits until it blocks, sends sig and returns
// the exit code, stderr and how long the process took to exit after the
// signal.
func interruptAfter(t *testing.T, cmd *exec.Cmd, sig syscall.Signal, ready func(pid int)) (int, string, time.Duration) {
	t.Helper()
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	ready(cmd.Process.Pid)
	select {
	case <-done:
		t.Fatalf("%v ended before the signal: %s", cmd.Args[1:], errOut.String())
	default:
	}
	sent := time.Now()
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("%v ignored %v for 10 s", cmd.Args[1:], sig)
	}
	return cmd.ProcessState.ExitCode(), errOut.String(), time.Since(sent)
}

// Ctrl-C and SIGTERM end a command blocked reading a file: -f a FIFO with
// no writer (blocked opening it), one whose writer never sends (blocked
// reading), /dev/stdin on a pipe that never delivers, --answers a FIFO,
// and -o a FIFO nobody reads. Each exits 130 within a second.
func TestSignalEndsABlockedRead(t *testing.T) {
	t.Parallel()
	type setup func(t *testing.T, dir string) (args []string, cmd func(*exec.Cmd), ready func(t *testing.T, pid int))
	fifo := func(t *testing.T, dir string) string {
		p := filepath.Join(dir, "fifo")
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	noWriter := func(args ...string) setup {
		return func(t *testing.T, dir string) ([]string, func(*exec.Cmd), func(*testing.T, int)) {
			p := fifo(t, dir)
			t.Cleanup(func() { // let an open(2) left waiting finish
				if w, err := os.OpenFile(p, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
					w.Close()
				}
			})
			return append(args, p), nil, func(t *testing.T, pid int) { blockedIn(t, pid, "", 0, "wait_for_partner") }
		}
	}
	cases := map[string]setup{
		"validate -f FIFO without a writer": noWriter("validate", "-f"),
		"plan -f FIFO without a writer":     noWriter("plan", "-f"),
		"init --answers FIFO":               noWriter("init", "-f", "new.yaml", "--answers"),
		"export -o FIFO without a reader":   noWriter("export", "terraform", "-o"),
		"validate -f FIFO whose writer is silent": func(t *testing.T, dir string) ([]string, func(*exec.Cmd), func(*testing.T, int)) {
			p := fifo(t, dir)
			w, err := os.OpenFile(p, os.O_RDWR, 0) // a writer that never writes
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { w.Close() })
			return []string{"validate", "-f", p}, nil, func(t *testing.T, pid int) { blockedIn(t, pid, p, 1) }
		},
		"validate -f /dev/stdin on a silent pipe": func(t *testing.T, dir string) ([]string, func(*exec.Cmd), func(*testing.T, int)) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { r.Close(); w.Close() })
			pipe, err := os.Readlink("/proc/self/fd/" + strconv.Itoa(int(r.Fd())))
			if err != nil {
				t.Fatal(err)
			}
			// Blocked once /dev/stdin is open beside descriptor 0.
			return []string{"validate", "-f", "/dev/stdin"}, func(c *exec.Cmd) { c.Stdin = r },
				func(t *testing.T, pid int) { blockedIn(t, pid, pipe, 2) }
		},
	}
	for name, set := range cases {
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
			t.Run(name+"/"+sig.String(), func(t *testing.T) {
				t.Parallel()
				dir := project(t)
				args, adjust, ready := set(t, dir)
				cmd := cli(t, dir, args...)
				if adjust != nil {
					adjust(cmd)
				}
				code, stderr, took := interruptAfter(t, cmd, sig, func(pid int) { ready(t, pid) })
				if code != cmdutil.ExitCancelled {
					t.Errorf("exit %d, want %d; stderr %q", code, cmdutil.ExitCancelled, stderr)
				}
				if took > time.Second {
					t.Errorf("exited %v after %v, want within a second", took, sig)
				}
				t.Logf("exited %v after %v", took, sig)
			})
		}
	}
}

// -f /dev/zero grew memory at 180 MB/s until killed. Every stream is read
// up to the cap and refused with a message; memory stays near the cap.
func TestReadingAnEndlessStreamIsRefused(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"validate", "-f", "/dev/zero"},
		{"export", "terraform", "-f", "/dev/zero"},
		{"init", "-f", "new.yaml", "--answers", "/dev/zero"},
		{"import", "amplify", "/dev/zero", "-o", "-"},
	} {
		t.Run(strings.Join(args[:2], " "), func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			_, stderr, code := run(t, cli(t, t.TempDir(), args...))
			if code != 1 || !strings.Contains(stderr, "/dev/zero") {
				t.Errorf("exit %d, stderr %q; want 1 and a message naming the file", code, stderr)
			}
			t.Logf("%v, %q", time.Since(start), strings.TrimSpace(stderr))
		})
	}
	cmd := cli(t, t.TempDir(), "validate", "-f", "/dev/zero")
	_, stderr, _ := run(t, cmd)
	if want := "error: reading /dev/zero: more than 2 MiB of input, the most cogwiz reads\nhint: check that the path names the right file\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		if ru.Maxrss > 64<<10 { // KiB
			t.Errorf("peak memory %d MiB reading /dev/zero, want well under 64", ru.Maxrss>>10)
		}
		t.Logf("peak memory reading /dev/zero: %d MiB", ru.Maxrss>>10)
	}
}

// update writes the file back and functions generate writes beside it:
// both refuse a -f that is not a regular file (for /dev/stdin, "beside"
// would be /dev), before reading it.
func TestCommandsThatWriteBesideTheFileNeedARegularOne(t *testing.T) {
	t.Parallel()
	dir := project(t)
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"update", "--answers", "a.yaml", "-f", fifo},
		{"functions", "generate", "-f", fifo},
		{"functions", "generate", "-f", "/dev/stdin"},
	} {
		cmd := cli(t, dir, args...)
		if args[len(args)-1] == "/dev/stdin" {
			f, err := os.Open(filepath.Join(dir, config.DefaultFile))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			cmd.Stdin = f
		}
		_, stderr, code := run(t, cmd)
		if code != 1 || !strings.Contains(stderr, "is not a regular file") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
}
