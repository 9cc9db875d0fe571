// Package emulator starts cognito-local, the Cognito emulator from npm
// (pinned in package.json and package-lock.json beside this file), for
// integration tests: a fresh state directory and a free loopback port per
// server, ready when /health answers.
//
// `make test` installs it with `npm ci`. When it is missing or cannot
// start, tests skip locally with a hint, and fail under CI=true.
package emulator

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/repodir"
)

// Code is the fixed confirmation code and temporary password the emulator hands out.
const Code = "123456"

// Region is the region tests use against the emulator.
const Region = "us-east-1"

// Server is one running cognito-local.
type Server struct {
	// Endpoint is the base URL, e.g. http://127.0.0.1:40123.
	Endpoint string
	// Dir is the state directory (.cognito/db holds the pools).
	Dir string
	cmd *exec.Cmd
	log *bytes.Buffer
}

// Start launches a fresh emulator for tb and stops it when tb ends.
func Start(tb testing.TB) *Server {
	tb.Helper()
	return StartWith(tb, nil)
}

// StartWith is Start with prepare run on the state directory (dbDir is
// .cognito/db, still empty) before the emulator loads it. Benchmarks use
// it to seed thousands of users at once: through the API that takes
// minutes, because every write rewrites the whole pool file.
func StartWith(tb testing.TB, prepare func(dbDir string) error) *Server {
	tb.Helper()
	s, err := start(prepare)
	if err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatalf("cognito-local could not start: %v", err)
		}
		tb.Skipf("cognito-local not available (%v); run `make test` or `npm ci --prefix internal/emulator`", err)
	}
	tb.Cleanup(s.Stop)
	return s
}

// Options returns client options that point at the emulator with dummy
// credentials (it checks no signatures).
func (s *Server) Options() cognito.Options {
	return cognito.Options{
		Region:      Region,
		EndpointURL: s.Endpoint,
		Credentials: credentials.NewStaticCredentialsProvider("local", "local", ""),
	}
}

// Client returns a real SDK client pointed at the emulator.
func (s *Server) Client(tb testing.TB) cognito.API {
	tb.Helper()
	c, err := cognito.New(context.Background(), s.Options())
	if err != nil {
		tb.Fatalf("client for cognito-local: %v", err)
	}
	return c
}

// Log returns what the emulator printed so far (for failure messages).
func (s *Server) Log() string { return s.log.String() }

// Stop ends the emulator and removes its state.
func (s *Server) Stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		_ = s.cmd.Process.Kill()
		_, _ = s.cmd.Process.Wait()
	}
	_ = os.RemoveAll(s.Dir)
}

func start(prepare func(dbDir string) error) (*Server, error) {
	script, err := startScript()
	if err != nil {
		return nil, err
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("node not found on PATH")
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "cognito-local-")
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(dir, ".cognito"), 0o755); err != nil {
		return nil, err
	}
	endpoint := fmt.Sprintf("http://127.0.0.1:%d", port)
	conf, err := repodir.Find("internal", "emulator", "cognito-config.json")
	if err != nil {
		return nil, err
	}
	cfg, err := os.ReadFile(conf)
	if err != nil {
		return nil, err
	}
	cfg = bytes.ReplaceAll(cfg, []byte("http://127.0.0.1:9229"), []byte(endpoint))
	if err := os.WriteFile(filepath.Join(dir, ".cognito", "config.json"), cfg, 0o644); err != nil {
		return nil, err
	}
	if prepare != nil {
		db := filepath.Join(dir, ".cognito", "db")
		if err := os.MkdirAll(db, 0o755); err != nil {
			return nil, err
		}
		if err := prepare(db); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("preparing the emulator state: %w", err)
		}
	}
	log := &bytes.Buffer{}
	cmd := exec.Command(node, script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOST=127.0.0.1", fmt.Sprintf("PORT=%d", port), "CODE="+Code)
	cmd.Stdout = log
	cmd.Stderr = log
	// The emulator must not outlive the test binary.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &Server{Endpoint: endpoint, Dir: dir, cmd: cmd, log: log}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			s.cmd = nil
			s.Stop()
			return nil, fmt.Errorf("cognito-local exited: %v: %s", err, strings.TrimSpace(log.String()))
		default:
		}
		resp, err := http.Get(endpoint + "/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				// Wait() is owned by the goroutine above now.
				s.cmd = &exec.Cmd{Process: cmd.Process}
				return s, nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.Stop()
	return nil, fmt.Errorf("cognito-local did not answer /health within 20s: %s", log.String())
}

// startScript finds node_modules/cognito-local next to this package's
// package.json by walking up from the working directory to go.mod.
func startScript() (string, error) {
	p, err := repodir.Find("internal", "emulator", "node_modules", "cognito-local", "lib", "bin", "start.js")
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%s is missing", p)
	}
	return p, nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
