package docshots

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/emulator"
)

// TestRecipesApply applies every recipe whose file the emulator can hold
// (no domain, identity providers or resource servers) to a fresh
// emulator, then checks that a second plan finds nothing to do: what the
// recipes promise really happens.
func TestRecipesApply(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	recipes, err := filepath.Glob(filepath.Join(root, "docs", "recipes", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	binDir, asEnv := cogwizOnPath(t)
	srv := emulator.Start(t)
	applied := 0
	for _, path := range recipes {
		md, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range Blocks(md) {
			if b.Lang != "yaml" || b.Marker == "partial" {
				continue
			}
			doc, err := config.Parse(path, []byte(b.Text))
			if err != nil {
				t.Fatalf("%s:%d: %v", path, b.Line, err)
			}
			c := doc.Config
			if c.Domain != nil || len(c.IdentityProviders) > 0 || len(c.ResourceServers) > 0 || c.IdentityPool != nil {
				continue // the emulator cannot hold these; TestDocYAML validates them
			}
			applied++
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "cognito.yaml"), []byte(b.Text), 0o644); err != nil {
				t.Fatal(err)
			}
			where := filepath.Base(path)
			run := func(args ...string) (string, error) {
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				defer cancel()
				cmd := exec.CommandContext(ctx, filepath.Join(binDir, "cogwiz"), args...)
				cmd.Dir = dir
				cmd.Env = append(cleanEnv(), asEnv, "HOME="+dir, "NO_COLOR=1",
					"AWS_ACCESS_KEY_ID=local", "AWS_SECRET_ACCESS_KEY=local", "AWS_REGION=us-east-1",
					"AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER="+srv.Endpoint)
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &out
				err := cmd.Run()
				return out.String(), err
			}
			if out, err := run("apply", "--auto-approve"); err != nil {
				t.Errorf("%s: apply: %v\n%s", where, err, out)
				continue
			}
			out, err := run("plan", "--detailed-exitcode")
			if err != nil || !strings.Contains(out, "No changes.") {
				t.Errorf("%s: plan after apply is not empty (%v):\n%s", where, err, out)
			}
		}
	}
	if applied < 2 {
		t.Errorf("only %d recipes applied to the emulator; want the email and groups recipes at least", applied)
	}
}
