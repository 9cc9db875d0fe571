package export

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
)

// awsStub stands in for the aws command. Like the real CLI it prints an
// input skeleton for --generate-cli-skeleton (from $SKELETONS/<op>.json)
// and reads --cli-input-json file://PATH; it records each call (the
// operation, the request file's mode and its content) in $CALLS and
// prints the id a create call returns. It sleeps $STUB_SLEEP seconds in
// each call, so that the process list can be sampled while it runs.
const awsStub = `#!/usr/bin/env bash
set -eu
if [ "${1:-}" = "--version" ]; then echo "aws-cli/2.9.19 Python/3.11.2 Linux/6.1 source/x86_64.debian.12"; exit 0; fi
op=$2
if [ "${3:-}" = "--generate-cli-skeleton" ]; then cat "$SKELETONS/$op.json" 2>/dev/null || echo '{}'; exit 0; fi
json=""
zipfile=""
while [ $# -gt 0 ]; do
  if [ "$1" = "--cli-input-json" ]; then json=$2; fi
  if [ "$1" = "--zip-file" ]; then zipfile=${2#fileb://}; fi
  shift
done
case $json in file://*) ;; *) echo "stub: --cli-input-json is not a file:// reference" >&2; exit 2 ;; esac
f=${json#file://}
shopt -s nullglob
done_calls=("$CALLS"/*)
n=${#done_calls[@]}
printf '%s\n%s\n%s' "$op" "$(stat -c %a "$f")" "$(<"$f")" >"$CALLS/$(printf '%02d' "$n")"
if [ -n "$zipfile" ]; then cp "$zipfile" "$ZIPS/$(printf '%02d' "$n").zip"; fi
sleep "${STUB_SLEEP:-0}"
case $op in
  create-user-pool) echo "eu-west-1_TESTPOOL" ;;
  create-user-pool-client) echo "client$n" ;;
  create-identity-pool) echo "eu-west-1:00000000-0000-4000-8000-00000000000$n" ;;
  create-role) echo "arn:aws:iam::123456789012:role/cogwiz/role$n" ;;
  create-function) echo "arn:aws:lambda:eu-west-1:123456789012:function:fn$n" ;;
  describe-user-pool) echo "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_TESTPOOL" ;;
esac
`

// sdkInputs are the request types of the operations the script calls: the
// SDK is generated from the same service model as the AWS CLI, so its
// members are the parameters a current CLI knows.
var sdkInputs = map[string]any{
	"create-user-pool":         cip.CreateUserPoolInput{},
	"set-user-pool-mfa-config": cip.SetUserPoolMfaConfigInput{},
	"create-identity-provider": cip.CreateIdentityProviderInput{},
	"create-resource-server":   cip.CreateResourceServerInput{},
	"create-user-pool-client":  cip.CreateUserPoolClientInput{},
	"create-user-pool-domain":  cip.CreateUserPoolDomainInput{},
	"create-group":             cip.CreateGroupInput{},
}

// skeleton is the --generate-cli-skeleton input of a request type: every
// member, nested structures and list elements included.
func skeleton(t reflect.Type, depth int) any {
	switch t.Kind() {
	case reflect.Pointer:
		return skeleton(t.Elem(), depth)
	case reflect.Slice:
		return []any{skeleton(t.Elem(), depth)}
	case reflect.Map:
		return map[string]any{"KeyName": skeleton(t.Elem(), depth)}
	case reflect.Struct:
		m := map[string]any{}
		if depth > 8 {
			return m
		}
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() {
				m[f.Name] = skeleton(f.Type, depth+1)
			}
		}
		return m
	}
	return ""
}

type scriptRun struct {
	out   string
	err   error
	calls []recordedCall
	// tmp is the TMPDIR the script ran with.
	tmp string
	// zips holds a copy of each --zip-file, named after its call's number.
	zips string
}

type recordedCall struct {
	op, mode string
	req      map[string]any
	raw      string
}

// runScript runs an exported script against awsStub with the given
// skeletons; watch, if set, runs while the script does.
func runScript(t *testing.T, script []byte, skeletons map[string]any, env []string, watch func(done <-chan struct{})) scriptRun {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "create-pool.sh")
	bin, calls, skel, tmp := filepath.Join(dir, "bin"), filepath.Join(dir, "calls"), filepath.Join(dir, "skeletons"), filepath.Join(dir, "tmp")
	zips := filepath.Join(dir, "zips")
	for _, d := range []string{bin, calls, skel, tmp, zips} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, script, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bin, "aws"), []byte(awsStub), 0o755); err != nil {
		t.Fatal(err)
	}
	for op, s := range skeletons {
		data, err := json.MarshalIndent(s, "", "    ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(skel, op+".json"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("bash", path)
	cmd.Env = append(os.Environ(), "PATH="+bin+":"+os.Getenv("PATH"), "CALLS="+calls, "SKELETONS="+skel, "TMPDIR="+tmp, "ZIPS="+zips)
	cmd.Env = append(cmd.Env, env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	done := make(chan struct{})
	watched := make(chan struct{})
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(watched)
		if watch != nil {
			watch(done)
		}
	}()
	err := cmd.Wait()
	close(done)
	<-watched
	r := scriptRun{out: out.String(), err: err, tmp: tmp, zips: zips}
	entries, err := os.ReadDir(calls)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(calls, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		op, rest, _ := strings.Cut(string(data), "\n")
		mode, body, _ := strings.Cut(rest, "\n")
		c := recordedCall{op: op, mode: mode, raw: body}
		if err := json.Unmarshal([]byte(body), &c.req); err != nil {
			t.Fatalf("%s: the request file is not JSON: %v\n%s", op, err, body)
		}
		r.calls = append(r.calls, c)
	}
	return r
}

func currentSkeletons() map[string]any {
	out := map[string]any{}
	for op, in := range sdkInputs {
		out[op] = skeleton(reflect.TypeOf(in), 0)
	}
	return out
}

// TestAWSCLIScriptRuns runs the script against the stand-in and checks
// every request: valid JSON, the captured pool id filled in, text that
// means something to the shell delivered unchanged, in Cognito's order.
func TestAWSCLIScriptRuns(t *testing.T) {
	t.Parallel()
	r := script(t)
	const tricky = `se"cr\et$HOME` + "`x`"
	run := runScript(t, r.Data, currentSkeletons(), []string{"GOOGLE_CLIENT_SECRET=" + tricky}, nil)
	if run.err != nil {
		t.Fatalf("script failed: %v\n%s", run.err, run.out)
	}
	var ops []string
	for _, c := range run.calls {
		ops = append(ops, c.op)
		if c.op != "create-user-pool" && c.req["UserPoolId"] != "eu-west-1_TESTPOOL" {
			t.Errorf("%s: UserPoolId = %v", c.op, c.req["UserPoolId"])
		}
		switch c.op {
		case "create-identity-provider":
			d, _ := c.req["ProviderDetails"].(map[string]any)
			if d["client_secret"] != tricky {
				t.Errorf("client_secret = %q, want the environment's value", d["client_secret"])
			}
		case "create-user-pool":
			tpl, _ := c.req["VerificationMessageTemplate"].(map[string]any)
			if tpl["EmailMessage"] != "Your code is {####}. It costs $0 `free`." {
				t.Errorf("EmailMessage = %q: the shell changed it", tpl["EmailMessage"])
			}
		}
	}
	want := []string{"create-user-pool", "set-user-pool-mfa-config", "create-identity-provider", "create-resource-server",
		"create-user-pool-client", "create-user-pool-client", "create-user-pool-domain", "create-group", "create-group"}
	if strings.Join(ops, " ") != strings.Join(want, " ") {
		t.Errorf("calls = %v\nwant    %v", ops, want)
	}
	if !strings.Contains(run.out, "user_pool_id=eu-west-1_TESTPOOL") {
		t.Errorf("script output lacks the pool id:\n%s", run.out)
	}
	// The up-front check covers every member each call sends.
	need := needLists(string(r.Data))
	for _, c := range run.calls {
		for _, m := range requestMembers(c.req, nil) {
			if !slices.Contains(need[c.op], m) {
				t.Errorf("%s sends %s, which the version check does not cover", c.op, m)
			}
		}
	}
}

// needLists reads the script's "need OPERATION MEMBER..." lines.
func needLists(script string) map[string][]string {
	out := map[string][]string{}
	joined := strings.ReplaceAll(script, " \\\n ", " ")
	for _, l := range strings.Split(joined, "\n") {
		f := strings.Fields(l)
		if len(f) > 2 && f[0] == "need" {
			out[f[1]] = f[2:]
		}
	}
	return out
}

// requestMembers lists the member names of a request, nested ones too;
// the keys of the free-form maps (tags, provider details, attribute
// mapping) are data, not members.
func requestMembers(v any, out []string) []string {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			out = append(out, k)
			if freeForm[k] {
				continue
			}
			out = requestMembers(e, out)
		}
	case []any:
		for _, e := range x {
			out = requestMembers(e, out)
		}
	}
	return out
}

var freeForm = map[string]bool{"UserPoolTags": true, "ProviderDetails": true, "AttributeMapping": true}

// TestAWSCLIScriptKeepsSecretsOutOfArgv samples every process's command
// line (/proc/*/cmdline) while the script runs: no secret may appear in
// any of them. The secret holds control characters, quotes, backslashes
// and shell syntax, and must reach Cognito's request byte for byte; each
// request file is readable by its owner only and gone after the run.
func TestAWSCLIScriptKeepsSecretsOutOfArgv(t *testing.T) {
	if _, err := os.Stat("/proc/self/cmdline"); err != nil {
		t.Skip("no /proc on this system")
	}
	t.Parallel()
	r := script(t)
	const canary = "argv-canary-7c1f"
	secret := canary + "\"q\\b$HOME`x`$(id)\x01\x02\x07\x1b[31m\tTAB\r\nLF\x7f ✓ end"
	var samples, stubSeen, leaks atomic.Int64
	sample := func(done <-chan struct{}) {
		for {
			select {
			case <-done:
				return
			default:
			}
			samples.Add(1)
			procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
			for _, p := range procs {
				data, err := os.ReadFile(p)
				if err != nil {
					continue
				}
				if bytes.Contains(data, []byte("cognito-idp")) {
					stubSeen.Add(1)
				}
				if bytes.Contains(data, []byte(canary)) {
					leaks.Add(1)
					t.Errorf("%s holds the secret: %q", p, data)
				}
			}
		}
	}
	run := runScript(t, r.Data, currentSkeletons(), []string{"GOOGLE_CLIENT_SECRET=" + secret, "STUB_SLEEP=0.05"}, sample)
	if run.err != nil {
		t.Fatalf("script failed: %v\n%s", run.err, run.out)
	}
	t.Logf("%d samples of the process list, %d command lines of aws calls seen, %d with the secret", samples.Load(), stubSeen.Load(), leaks.Load())
	if stubSeen.Load() == 0 {
		t.Fatal("the sampler never saw an aws call: it proves nothing")
	}
	found := false
	for _, c := range run.calls {
		if c.mode != "600" {
			t.Errorf("%s: request file mode %s, want 600", c.op, c.mode)
		}
		if c.op == "create-identity-provider" {
			d, _ := c.req["ProviderDetails"].(map[string]any)
			if d["client_secret"] != secret {
				t.Errorf("client_secret = %q\nwant            %q", d["client_secret"], secret)
			}
			found = true
		}
	}
	if !found {
		t.Fatalf("no create-identity-provider call:\n%s", run.out)
	}
	if left, _ := os.ReadDir(run.tmp); len(left) > 0 {
		t.Errorf("the script left %d entries in TMPDIR", len(left))
	}
}

// TestAWSCLIScriptStopsOnOldCLI runs the script against a CLI whose model
// predates UserPoolTier (as the Debian 12 package, 2.9.19, does): it must
// stop before its first call and name the version it needs.
func TestAWSCLIScriptStopsOnOldCLI(t *testing.T) {
	t.Parallel()
	r := script(t)
	old := currentSkeletons()
	pool := old["create-user-pool"].(map[string]any)
	delete(pool, "UserPoolTier")
	run := runScript(t, r.Data, old, []string{"GOOGLE_CLIENT_SECRET=x"}, nil)
	if run.err == nil {
		t.Fatalf("the script succeeded with a CLI that lacks UserPoolTier:\n%s", run.out)
	}
	if len(run.calls) > 0 {
		t.Errorf("the script made %d calls before stopping (first: %s)", len(run.calls), run.calls[0].op)
	}
	for _, s := range []string{"UserPoolTier", "create-user-pool", "AWS CLI " + MinAWSCLI + " or later", "aws-cli/2.9.19"} {
		if !strings.Contains(run.out, s) {
			t.Errorf("the message lacks %q:\n%s", s, run.out)
		}
	}
}

// TestAWSCLIScriptChecksEveryOperation removes, for each operation the
// script calls, the last top-level member its check names from the CLI's
// skeleton:
// the script must stop before its first call every time.
func TestAWSCLIScriptChecksEveryOperation(t *testing.T) {
	t.Parallel()
	r := script(t)
	need := needLists(string(r.Data))
	if len(need) != 7 {
		t.Fatalf("the script checks %d operations, want all 7: %v", len(need), need)
	}
	for op, members := range need {
		t.Run(op, func(t *testing.T) {
			t.Parallel()
			stopsWithout(t, r.Data, op, members)
		})
	}
}

// stopsWithout runs the script against a CLI that lacks the last
// top-level member of op the script's check names.
func stopsWithout(t *testing.T, script []byte, op string, members []string) {
	skel := currentSkeletons()
	top := skel[op].(map[string]any)
	var member string
	for _, m := range members {
		if _, ok := top[m]; ok {
			member = m // the last top-level member the check names
		}
	}
	delete(top, member)
	run := runScript(t, script, skel, []string{"GOOGLE_CLIENT_SECRET=x"}, nil)
	if run.err == nil || len(run.calls) > 0 || !strings.Contains(run.out, member+" of cognito-idp "+op) {
		t.Errorf("without %s in %s the script did not stop first (%d calls):\n%s", member, op, len(run.calls), run.out)
	}
}

// script exports the sample as a script; no secret is read at export.
func script(t *testing.T) *Result {
	t.Helper()
	r, err := AWSCLI(sample())
	if err != nil {
		t.Fatal(err)
	}
	return r
}
