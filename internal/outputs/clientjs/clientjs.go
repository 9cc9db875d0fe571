// Package clientjs checks the front-end outputs with the client libraries
// an app uses, which nobody at cogwiz wrote: the published TypeScript
// types of amplify_outputs.json (@aws-amplify/client-config), the
// TypeScript compiler, and aws-amplify v6 itself — its configure, its
// sign-up and sign-in against cognito-local, and its own parsers of
// aws-exports.js and amplify_outputs.json.
//
// They are npm packages pinned in package.json and package-lock.json
// beside this file; `make test` installs them with npm ci. When they are
// missing, tests skip locally with a hint and fail under CI=true, as the
// emulator does.
package clientjs

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cogwiz/cogwiz/internal/repodir"
)

// Modules is the node_modules directory an app's script can resolve
// aws-amplify from (the getting-started test links it into the app).
func Modules(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(require(tb), "node_modules")
}

// require returns the directory holding package.json, the scripts and
// node_modules, skipping tb locally and failing it under CI=true when node
// or the packages are missing.
func require(tb testing.TB) string {
	tb.Helper()
	return repodir.NodePackages(tb, "internal/outputs/clientjs")
}

// TypeCheck compiles, in one tsc run, a TypeScript file per amplify
// outputs file (name → content) that assigns the file's text, as an
// object literal, to the published AWSAmplifyBackendOutputs type of
// @aws-amplify/client-config and to aws-amplify's own AmplifyOutputs
// type. A literal rather than an import of the JSON: TypeScript widens an
// imported JSON's strings ("1.5" becomes string, which the type's version
// '1.5' refuses), and checks excess properties only on literals, so a
// misspelt key would pass unseen. It returns tsc's errors by name; none
// means every file has the published shape.
func TypeCheck(tb testing.TB, files map[string][]byte) map[string][]string {
	tb.Helper()
	dir := require(tb)
	work := tb.TempDir()
	var names []string
	index := map[string]string{}
	for name, content := range files {
		ts := fmt.Sprintf("f%d.ts", len(names))
		names = append(names, filepath.Join(work, ts))
		index[ts] = name
		lit := strings.TrimSpace(string(content))
		src := "import type { clientConfigTypesV1_5 } from '@aws-amplify/client-config';\n" +
			"import type { AmplifyOutputs } from '@aws-amplify/core/internals/utils';\n" +
			"export const published: clientConfigTypesV1_5.AWSAmplifyBackendOutputs = " + lit + ";\n" +
			"export const library: AmplifyOutputs = " + lit + ";\n"
		if err := os.WriteFile(filepath.Join(work, ts), []byte(src), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	// node_modules beside the sources, as in an app.
	if err := os.Symlink(filepath.Join(dir, "node_modules"), filepath.Join(work, "node_modules")); err != nil {
		tb.Fatal(err)
	}
	args := append([]string{filepath.Join(dir, "node_modules", "typescript", "bin", "tsc"),
		"--noEmit", "--strict", "--skipLibCheck", "--pretty", "false",
		"--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext"}, names...)
	out, err := run(tb, work, nil, "node", args...)
	errs := map[string][]string{}
	last := ""
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if line[0] == ' ' && last != "" { // a message's continuation
			errs[last][len(errs[last])-1] += "\n" + line
			continue
		}
		file, _, _ := strings.Cut(line, "(")
		name, ok := index[filepath.Base(file)]
		if !ok {
			tb.Fatalf("tsc: %s\n%s", line, out)
		}
		errs[name] = append(errs[name], line)
		last = name
	}
	if err != nil && len(errs) == 0 {
		tb.Fatalf("tsc: %v\n%s", err, out)
	}
	return errs
}

// Parsed is what aws-amplify makes of one pair of files: the Auth part of
// the ResourcesConfig its parseAmplifyConfig gives for amplify_outputs.json
// and its parseAWSExports gives for aws-exports.js.
type Parsed struct {
	Amplify    map[string]any `json:"amplify"`
	AWSExports map[string]any `json:"awsExports"`
}

// Parse runs aws-amplify's parsers on each pair [amplify_outputs.json,
// aws-exports.js] of paths, in one node run.
func Parse(tb testing.TB, pairs [][2]string) []Parsed {
	tb.Helper()
	dir := require(tb)
	in, err := json.Marshal(pairs)
	if err != nil {
		tb.Fatal(err)
	}
	out, err := run(tb, dir, in, "node", filepath.Join(dir, "parse.mjs"))
	if err != nil {
		tb.Fatalf("parse.mjs: %v\n%s", err, out)
	}
	var res []Parsed
	if err := json.Unmarshal(out, &res); err != nil || len(res) != len(pairs) {
		tb.Fatalf("parse.mjs answered %d results for %d pairs (%v):\n%s", len(res), len(pairs), err, out)
	}
	return res
}

// SignIn is what signin.mjs reports.
type SignIn struct {
	SignUpStep string         `json:"signUpStep"`
	Confirmed  bool           `json:"confirmed"`
	SignedIn   bool           `json:"signedIn"`
	Claims     map[string]any `json:"claims"`
	Username   string         `json:"username"`
	SignedOut  bool           `json:"signedOut"`
}

// SignInWith runs signin.mjs: aws-amplify configured from the
// amplify_outputs.json at outputsPath alone, plus the emulator's endpoint
// as its custom user pool endpoint, signs up username (with email),
// confirms with code, signs in with USER_PASSWORD_AUTH, fetches the
// session and signs out.
func SignInWith(tb testing.TB, outputsPath, endpoint, username, email, password, code string) SignIn {
	tb.Helper()
	dir := require(tb)
	out, err := run(tb, dir, nil, "node", filepath.Join(dir, "signin.mjs"), outputsPath, endpoint, username, email, password, code)
	if err != nil {
		tb.Fatalf("signin.mjs: %v\n%s", err, out)
	}
	var s SignIn
	if err := json.Unmarshal(out, &s); err != nil {
		tb.Fatalf("signin.mjs answered something that is not JSON: %v\n%s", err, out)
	}
	return s
}

// run runs a command in dir with stdin, within a minute; out is stdout,
// or stdout and stderr when it fails.
func run(tb testing.TB, dir string, stdin []byte, name string, args ...string) ([]byte, error) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if err != nil {
		out.Write(errOut.Bytes())
	}
	return out.Bytes(), err
}
