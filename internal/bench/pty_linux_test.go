package bench

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"syscall"
	"time"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/sys/unix"
)

// openPTY returns the master and slave ends of a new pseudo-terminal of
// cols×rows.
func openPTY(cols, rows int) (master, slave *os.File, err error) {
	master, err = os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, nil, err
	}
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		master.Close()
		return nil, nil, err
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	slave, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		master.Close()
		return nil, nil, err
	}
	if err := unix.IoctlSetWinsize(int(slave.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Col: uint16(cols), Row: uint16(rows)}); err != nil {
		master.Close()
		slave.Close()
		return nil, nil, err
	}
	return master, slave, nil
}

// chunk is one read from the terminal and when it arrived.
type chunk struct {
	at   time.Time
	data []byte
}

// session is one process on a pseudo-terminal, with what it wrote.
type session struct {
	cmd     *exec.Cmd
	master  *os.File
	chunks  chan chunk
	started time.Time
	out     bytes.Buffer // everything read so far
	exited  chan error
}

// start launches cmd on a new 80×24 pseudo-terminal; started is taken
// right before the process is created.
func start(cmd *exec.Cmd) (*session, error) {
	master, slave, err := openPTY(80, 24)
	if err != nil {
		return nil, err
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	s := &session{cmd: cmd, master: master, chunks: make(chan chunk, 1024), exited: make(chan error, 1)}
	go func() {
		defer close(s.chunks)
		for {
			buf := make([]byte, 32<<10)
			n, err := master.Read(buf)
			if n > 0 {
				s.chunks <- chunk{at: time.Now(), data: buf[:n]}
			}
			if err != nil {
				return
			}
		}
	}()
	s.started = time.Now()
	if err := cmd.Start(); err != nil {
		master.Close()
		slave.Close()
		return nil, err
	}
	slave.Close()
	go func() { s.exited <- cmd.Wait() }()
	return s, nil
}

// wait returns how long after the launch the process exited, reading its
// output meanwhile.
func (s *session) wait(limit time.Duration) (time.Duration, error) {
	timeout := time.After(limit)
	for {
		select {
		case c, ok := <-s.chunks:
			if ok {
				s.out.Write(c.data)
			}
		case err := <-s.exited:
			d := time.Since(s.started)
			s.drain()
			return d, err
		case <-timeout:
			return 0, fmt.Errorf("no exit within %s; the screen shows:\n%s", limit, s.screen())
		}
	}
}

// drain reads what is left after the process ended.
func (s *session) drain() {
	for {
		select {
		case c, ok := <-s.chunks:
			if !ok {
				return
			}
			s.out.Write(c.data)
		case <-time.After(200 * time.Millisecond):
			return
		}
	}
}

// errQuietTooSoon: the output stopped before showing what was expected.
var errQuietTooSoon = errors.New("output stopped before the expected text")

// until reads until the text written since from (ANSI stripped) contains
// want and then stays quiet for quiet; it returns the arrival time of the
// last chunk, that is when the screen was complete.
func (s *session) until(from int, want string, quiet, limit time.Duration) (time.Time, error) {
	deadline := time.After(limit)
	var last time.Time
	seen := want == ""
	for {
		var idle <-chan time.Time
		if seen && !last.IsZero() {
			idle = time.After(time.Until(last.Add(quiet)))
		}
		select {
		case c, ok := <-s.chunks:
			if !ok {
				if seen && !last.IsZero() {
					return last, nil
				}
				return time.Time{}, fmt.Errorf("terminal closed before %q; the screen shows:\n%s", want, s.screen())
			}
			s.out.Write(c.data)
			last = c.at
			if !seen && bytes.Contains([]byte(ansi.Strip(s.out.String()[from:])), []byte(want)) {
				seen = true
			}
		case <-idle:
			return last, nil
		case <-deadline:
			return time.Time{}, fmt.Errorf("%w: no %q within %s; the screen shows:\n%s", errQuietTooSoon, want, limit, s.screen())
		}
	}
}

// send types keys on the terminal and returns when they were written.
func (s *session) send(keys string) (time.Time, error) {
	at := time.Now()
	_, err := io.WriteString(s.master, keys)
	return at, err
}

// screen is the tail of the output, ANSI stripped, for error messages.
func (s *session) screen() string {
	t := ansi.Strip(s.out.String())
	if len(t) > 2000 {
		t = t[len(t)-2000:]
	}
	return t
}

func (s *session) close() {
	if s.cmd.Process != nil {
		_ = s.cmd.Process.Kill()
	}
	s.master.Close()
}
