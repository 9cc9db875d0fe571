package docshots

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cogwiz/cogwiz/internal/emulator"
)

var update = flag.Bool("update", false, "regenerate docs/images from real runs of cogwiz in tmux")

// image is one picture of docs/images: how to make it and what it must show.
type image struct {
	file       string
	cols, rows int
	keys       string   // recorded input under testdata
	title      string   // window title
	want       []string // text the picture must contain
}

var images = []image{
	{
		file: "wizard.svg", cols: 80, rows: 24, keys: "wizard.keys", title: "cogwiz init",
		want: []string{"How do you want users to be able to sign in?", "Can never be changed", "recommended"},
	},
	{
		file: "plan-blocked.svg", cols: 100, rows: 30, keys: "plan-blocked.keys", title: "cogwiz plan",
		want: []string{"BLOCKED", "sign_in.username_attributes", "Plan:"},
	},
}

// TestImages checks the committed pictures: well-formed SVG showing what
// the docs say they show. With -update it first makes them again from real
// runs: the wizard, and a plan against a fresh emulator after a file
// changed create-only settings of an applied pool.
//
//	go test ./internal/docshots -run TestImages -update
func TestImages(t *testing.T) {
	root := repoRoot(t)
	_, errTmux := exec.LookPath("tmux")
	if *update && errTmux != nil {
		t.Log("tmux is not on PATH: the pictures were not made again")
	}
	if *update && errTmux == nil {
		for _, im := range images {
			svg := shoot(t, root, im)
			if err := os.WriteFile(filepath.Join(root, "docs", "images", im.file), svg, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, im := range images {
		data, err := os.ReadFile(filepath.Join(root, "docs", "images", im.file))
		if err != nil {
			t.Fatalf("%v (make it with: go test ./internal/docshots -run TestImages -update)", err)
		}
		text, err := svgText(data)
		if err != nil {
			t.Errorf("%s is not well-formed SVG: %v", im.file, err)
			continue
		}
		for _, w := range im.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s does not show %q", im.file, w)
			}
		}
	}
}

// svgText returns the character data of an SVG document, runs joined.
func svgText(data []byte) (string, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var b strings.Builder
	root := ""
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Local
			}
		case xml.CharData:
			b.Write(tok)
		}
	}
	if root != "svg" {
		return "", fmt.Errorf("root element is %q, not svg", root)
	}
	return b.String(), nil
}

// shoot runs the picture's command in a tmux pane, replays its recorded
// input, and renders the capture.
func shoot(t *testing.T, root string, im image) []byte {
	t.Helper()
	binDir, asEnv := cogwizOnPath(t)
	work := t.TempDir()
	env := []string{asEnv, "PATH=" + binDir + ":" + os.Getenv("PATH"), "HOME=" + work, "TERM=xterm-256color", "COLORTERM="}
	var command string
	switch im.file {
	case "wizard.svg":
		command = "cogwiz init"
	case "plan-blocked.svg":
		env = append(env, blockedPlanSetup(t, root, work, binDir, asEnv)...)
		command = "cogwiz plan"
	default:
		t.Fatalf("no command for %s", im.file)
	}
	socket := fmt.Sprintf("docshots-%d-%s", os.Getpid(), strings.TrimSuffix(im.file, ".svg"))
	tmux := func(args ...string) string {
		out, err := exec.Command("tmux", append([]string{"-L", socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	shell := "env " + strings.Join(quoteAll(env), " ") + " " + command + "; sleep 600"
	tmux("new-session", "-d", "-s", "shot", "-c", work, "-x", fmt.Sprint(im.cols), "-y", fmt.Sprint(im.rows), shell)
	defer func() { _ = exec.Command("tmux", "-L", socket, "kill-server").Run() }()

	f, err := os.Open(filepath.Join("testdata", im.keys))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var captured string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		verb, arg, _ := strings.Cut(line, " ")
		switch verb {
		case "wait":
			deadline := time.Now().Add(20 * time.Second)
			for !strings.Contains(tmux("capture-pane", "-p", "-t", "shot"), arg) {
				if time.Now().After(deadline) {
					t.Fatalf("%s: the screen never showed %q:\n%s", im.keys, arg, tmux("capture-pane", "-p", "-t", "shot"))
				}
				time.Sleep(100 * time.Millisecond)
			}
			time.Sleep(200 * time.Millisecond) // let the frame finish drawing
		case "keys":
			tmux(append([]string{"send-keys", "-t", "shot"}, strings.Fields(arg)...)...)
		case "type":
			tmux("send-keys", "-t", "shot", "-l", arg)
		case "sleep":
			d, err := time.ParseDuration(arg)
			if err != nil {
				t.Fatalf("%s: %v", im.keys, err)
			}
			time.Sleep(d)
		case "capture":
			captured = tmux("capture-pane", "-e", "-p", "-t", "shot")
		default:
			t.Fatalf("%s: unknown step %q", im.keys, verb)
		}
	}
	if captured == "" {
		t.Fatalf("%s never captures", im.keys)
	}
	// Pool ids and temp paths differ on every run; keep them out of the
	// picture so regenerating it changes only what really changed.
	captured = regexp.MustCompile(`local_[0-9A-Za-z]+`).ReplaceAllString(captured, "local_5aBcD1eF")
	return RenderSVG([]byte(captured), im.cols, im.title)
}

// blockedPlanSetup applies the email sign-in recipe to a fresh emulator,
// then edits the file the way people try to: switch to username sign-in,
// require a name, and shorten the password. It returns the environment
// that points cogwiz at the emulator.
func blockedPlanSetup(t *testing.T, root, work, binDir, asEnv string) []string {
	t.Helper()
	md, err := os.ReadFile(filepath.Join(root, "docs", "recipes", "email-totp-mfa.md"))
	if err != nil {
		t.Fatal(err)
	}
	var yamlText string
	for _, b := range Blocks(md) {
		if b.Lang == "yaml" && b.Marker == "" {
			yamlText = b.Text
			break
		}
	}
	srv := emulator.Start(t)
	env := []string{"AWS_ACCESS_KEY_ID=local", "AWS_SECRET_ACCESS_KEY=local", "AWS_REGION=us-east-1",
		"AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=" + srv.Endpoint}
	file := filepath.Join(work, "cognito.yaml")
	if err := os.WriteFile(file, []byte(yamlText), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, filepath.Join(binDir, "cogwiz"), "apply", "--auto-approve")
	cmd.Dir = work
	cmd.Env = append(append(cleanEnv(), asEnv, "HOME="+work, "NO_COLOR=1"), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	edited := yamlText
	for _, r := range [][2]string{
		{"username_attributes: [email]", "username_attributes: []     "},
		{"required: [email]  ", "required: [email, name]"},
		{"minimum_length: 12", "minimum_length: 10"},
	} {
		if !strings.Contains(edited, r[0]) {
			t.Fatalf("email-totp-mfa.md no longer has %q", r[0])
		}
		edited = strings.Replace(edited, r[0], r[1], 1)
	}
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	return env
}

func quoteAll(env []string) []string {
	q := make([]string, len(env))
	for i, kv := range env {
		q[i] = "'" + strings.ReplaceAll(kv, "'", `'\''`) + "'"
	}
	return q
}
