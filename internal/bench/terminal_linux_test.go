package bench

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/cogwiz/cogwiz/internal/questions"
)

const (
	down  = "\x1b[B"
	enter = "\r"
	// quiet is how long the output must stay still for a screen to count
	// as drawn: the wizard writes nothing while it waits for a key.
	quiet = 120 * time.Millisecond
	limit = 10 * time.Second
)

var binary = flag.String("cogwiz", "", "measure this cogwiz `binary` (an older build, say) instead of building one")

// build compiles the package in dir the way the release does.
func build(b *testing.B, dir, out string) {
	b.Helper()
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build in %s: %v\n%s", dir, err, msg)
	}
}

// binaries builds cogwiz and a hello-world program with the same flags.
func binaries(b *testing.B) (cogwiz, hello string) {
	b.Helper()
	dir := b.TempDir()
	cogwiz = *binary
	if cogwiz == "" {
		cogwiz = filepath.Join(dir, "cogwiz")
		build(b, filepath.Join("..", "..", "cmd", "cogwiz"), cogwiz)
	}
	src := filepath.Join(dir, "hello")
	if err := os.MkdirAll(src, 0o755); err != nil {
		b.Fatal(err)
	}
	files := map[string]string{
		"go.mod":  "module hello\n\ngo 1.26\n",
		"main.go": "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello, world\") }\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(src, name), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	hello = filepath.Join(dir, "hello-world")
	build(b, src, hello)
	return cogwiz, hello
}

func environ(home string) []string {
	return []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "TERM=xterm-256color", "LANG=C.UTF-8"}
}

// launch starts a command in dir on a pseudo-terminal; the caller closes
// the session.
func launch(b *testing.B, dir string, name string, args ...string) *session {
	b.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = environ(dir)
	s, err := start(cmd)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// runToExit is launch → exit of one command on a pseudo-terminal.
func runToExit(b *testing.B, dir string, name string, args ...string) time.Duration {
	b.Helper()
	s := launch(b, dir, name, args...)
	defer s.close()
	d, err := s.wait(limit)
	if err != nil {
		b.Fatalf("%s %v: %v\n%s", name, args, err, s.screen())
	}
	return d
}

// walk runs `cogwiz init` in a new directory: it measures launch → first
// question, then takes manual configuration and presses Enter on every
// question, measuring Enter → next question, and finally writes the file.
func walk(b *testing.B, cogwiz, firstTitle string) (first time.Duration, answers []time.Duration) {
	b.Helper()
	dir := b.TempDir()
	s := launch(b, dir, cogwiz, "init")
	defer s.close()
	drawn, err := s.until(0, firstTitle, quiet, limit)
	if err != nil {
		b.Fatal(err)
	}
	first = drawn.Sub(s.started)
	for _, k := range []string{down, down} {
		from := s.out.Len()
		if _, err := s.send(k); err != nil {
			b.Fatal(err)
		}
		if _, err := s.until(from, "", quiet, limit); err != nil {
			b.Fatal(err)
		}
	}
	for i := 0; ; i++ {
		if i > 300 {
			b.Fatalf("the walk never reached the end; the screen shows:\n%s", s.screen())
		}
		from := s.out.Len()
		at, err := s.send(enter)
		if err != nil {
			b.Fatal(err)
		}
		drawn, err := s.until(from, "", quiet, limit)
		if err != nil {
			b.Fatal(err)
		}
		if strings.Contains(ansi.Strip(s.out.String()[from:]), "Write cognito.yaml?") {
			break // the walk is over: the file preview is not a question
		}
		answers = append(answers, drawn.Sub(at))
	}
	for _, want := range []string{"What next?", ""} {
		from := s.out.Len()
		if _, err := s.send(enter); err != nil {
			b.Fatal(err)
		}
		if want == "" {
			break
		}
		if _, err := s.until(from, want, quiet, limit); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := s.wait(limit); err != nil {
		b.Fatalf("init: %v\n%s", err, s.screen())
	}
	if _, err := os.Stat(filepath.Join(dir, "cognito.yaml")); err != nil {
		b.Fatalf("the walk did not write the file: %v\n%s", err, s.screen())
	}
	return first, answers
}

// BenchmarkTerminal measures, alternating in each iteration so that the
// load of a shared machine falls on all of them alike: a hello-world
// binary, `cogwiz --version`, and a whole `cogwiz init` walk.
func BenchmarkTerminal(b *testing.B) {
	cogwiz, hello := binaries(b)
	g, err := questions.Default()
	if err != nil {
		b.Fatal(err)
	}
	mode, ok := g.Lookup("mode")
	if !ok {
		b.Fatal("no mode question")
	}
	firstTitle := mode.Prompt
	if len(firstTitle) > 40 {
		firstTitle = firstTitle[:40]
	}
	var helloT, versionT, firstT, answerT []time.Duration
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		helloT = append(helloT, runToExit(b, dir, hello))
		versionT = append(versionT, runToExit(b, dir, cogwiz, "--version"))
		f, a := walk(b, cogwiz, firstTitle)
		firstT = append(firstT, f)
		answerT = append(answerT, a...)
	}
	b.StopTimer()
	h := median(helloT)
	b.ReportMetric(ms(h), "hello-ms")
	b.ReportMetric(ms(median(versionT)), "version-ms")
	b.ReportMetric(ms(median(firstT)), "first-question-ms")
	b.ReportMetric(ms(median(answerT)), "answer-ms")
	b.ReportMetric(ms(percentile(answerT, 90)), "answer-p90-ms")
	b.ReportMetric(float64(median(versionT))/float64(h), "version/hello")
	b.ReportMetric(float64(median(firstT))/float64(h), "first-question/hello")
	b.ReportMetric(0, "ns/op") // one op is a whole walk: meaningless as a time
	b.Logf("%d runs, %d answers: hello %s, --version %s, first question %s, answer median %s p90 %s max %s",
		len(helloT), len(answerT), median(helloT), median(versionT), median(firstT), median(answerT), percentile(answerT, 90), slices.Max(answerT))
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func median(ds []time.Duration) time.Duration { return percentile(ds, 50) }

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[(len(s)-1)*p/100]
}
