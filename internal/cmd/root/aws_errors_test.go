package root

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// rawSDK is what the AWS SDK's own error text looks like; none of it may
// reach the user.
var rawSDK = []string{
	"operation error", "exceeded maximum number of attempts", "https response error",
	"failed to get shared config profile", "StatusCode", "RequestID", "get identity", "Failed to parse uri",
}

// awsCommands are the command lines that call AWS, one for each path to
// it: the user administration, try, import pool, plan, apply and destroy.
// {file} and {dir} are filled in per run.
var awsCommands = [][]string{
	{"users", "list", "-f", "{file}"},
	{"users", "get", "bob", "--pool-id", "us-east-1_AbC123"},
	{"try", "--yes", "-f", "{file}"},
	{"import", "pool", "us-east-1_AbC123", "-o", "{dir}/imported.yaml"},
	{"plan", "-f", "{file}"},
	{"apply", "--auto-approve", "-f", "{file}"},
	{"destroy", "--auto-approve", "-f", "{file}"},
}

// cognitoServer answers every request as Cognito would with status and
// an error body (none when code is empty).
func cognitoServer(t *testing.T, status int, code, msg string) string {
	t.Helper()
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.WriteHeader(status)
		if code != "" {
			fmt.Fprintf(w, `{"__type":%q,"message":%q}`, code, msg)
		}
	}))
	t.Cleanup(s.Close)
	return s.URL
}

// closedPort is a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

// runAWS runs one command line over a fresh factory wired to the real
// world (the SDK's configuration loading included), with test streams.
func runAWS(t *testing.T, args []string) (code int, stderr string) {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "cognito.yaml")
	if err := config.Save(file, config.Recommended()); err != nil {
		t.Fatal(err)
	}
	line := make([]string, len(args))
	for i, a := range args {
		line[i] = strings.NewReplacer("{file}", file, "{dir}", dir).Replace(a)
	}
	ios, _, _, errOut := iostreams.Test()
	f := cmdutil.New("test")
	f.IOStreams = ios
	code = Run(context.Background(), f, line)
	return code, errOut.String()
}

// assertOneClearError checks that stderr holds one error line, a hint
// line, the expected words, and nothing of the SDK's own text.
func assertOneClearError(t *testing.T, stderr string, want ...string) {
	t.Helper()
	if n := strings.Count(stderr, "error: "); n != 1 {
		t.Errorf("%d error lines, want 1:\n%s", n, stderr)
	}
	if !strings.Contains(stderr, "\nhint: ") {
		t.Errorf("no hint line:\n%s", stderr)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
	for _, raw := range rawSDK {
		if strings.Contains(stderr, raw) {
			t.Errorf("the SDK's text %q reached the user:\n%s", raw, stderr)
		}
	}
}

// Every command that calls AWS says what failed, why and how to fix it,
// in the same words, whatever goes wrong on the way.
func TestEveryAWSErrorReadsTheSame(t *testing.T) {
	// One attempt per call keeps throttling fast to fail; the error the SDK
	// returns still carries "exceeded maximum number of attempts".
	t.Setenv("AWS_MAX_ATTEMPTS", "1")
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "secret")
	t.Setenv("AWS_REGION", "us-east-1")
	scenarios := []struct {
		name  string
		flags func(t *testing.T) []string
		want  []string
	}{
		{"closed port", func(t *testing.T) []string { return []string{"--endpoint-url", closedPort(t)} },
			[]string{"cannot reach Cognito: cannot connect to 127.0.0.1:", "hint: nothing answers at 127.0.0.1:"}},
		{"403 access denied", func(t *testing.T) []string {
			return []string{"--endpoint-url", cognitoServer(t, 403, "AccessDeniedException", "User: arn:aws:iam::1:user/dev is not authorized")}
		}, []string{"access denied: User: arn:aws:iam::1:user/dev is not authorized", "hint: the AWS identity in use needs permission for cognito-idp:"}},
		{"403 from a proxy", func(t *testing.T) []string { return []string{"--endpoint-url", cognitoServer(t, 403, "", "")} },
			[]string{"the endpoint answered 403 Forbidden without saying why", "hint: check --endpoint-url"}},
		{"throttled", func(t *testing.T) []string {
			return []string{"--endpoint-url", cognitoServer(t, 400, "TooManyRequestsException", "Rate exceeded")}
		}, []string{"Cognito is throttling requests: Rate exceeded", "hint: wait a minute"}},
		{"missing profile", func(t *testing.T) []string { return []string{"--profile", "nosuch"} },
			[]string{`AWS profile "nosuch" not found`, "aws configure list-profiles"}},
		{"endpoint without scheme", func(t *testing.T) []string { return []string{"--endpoint-url", "127.0.0.1:9229"} },
			[]string{"--endpoint-url 127.0.0.1:9229: no scheme", "add http://", "--endpoint-url http://127.0.0.1:9229"}},
	}
	for _, sc := range scenarios {
		for _, args := range awsCommands {
			t.Run(sc.name+"/"+strings.Join(args[:2], " "), func(t *testing.T) {
				code, stderr := runAWS(t, append(args, sc.flags(t)...))
				if code == 0 {
					t.Fatalf("exit 0, want a failure:\n%s", stderr)
				}
				assertOneClearError(t, stderr, sc.want...)
			})
		}
	}
}

// update asks Cognito only whether the pool exists; when it cannot, it
// says so in the same words as an error, and goes on.
func TestUpdatePoolLookupReadsTheSame(t *testing.T) {
	t.Setenv("AWS_MAX_ATTEMPTS", "1")
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "secret")
	t.Setenv("AWS_REGION", "us-east-1")
	answers := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(answers, []byte("update_flow: updateAdminQueries\nadmin_queries: no\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, flags := range map[string][]string{
		"closed port":     {"--endpoint-url", closedPort(t)},
		"throttled":       {"--endpoint-url", cognitoServer(t, 400, "TooManyRequestsException", "Rate exceeded")},
		"missing profile": {"--profile", "nosuch"},
	} {
		t.Run(name, func(t *testing.T) {
			code, stderr := runAWS(t, append([]string{"update", "-f", "{file}", "--answers", answers, "--yes"}, flags...))
			if code != 0 {
				t.Fatalf("exit %d:\n%s", code, stderr)
			}
			if !strings.Contains(stderr, "note: could not check whether the user pool exists, so going by user_pool.id: ") ||
				!strings.Contains(stderr, "\nhint: ") {
				t.Errorf("no note and hint:\n%s", stderr)
			}
			for _, raw := range rawSDK {
				if strings.Contains(stderr, raw) {
					t.Errorf("the SDK's text %q reached the user:\n%s", raw, stderr)
				}
			}
		})
	}
}

// The credential and region problems a new user meets each get their own
// one-line hint.
func TestCredentialAndRegionProblems(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(home, ".aws", "config"))
	t.Setenv("AWS_MAX_ATTEMPTS", "1")
	startURL := "https://example.awsapps.com/start"
	writeFile(t, filepath.Join(home, ".aws", "config"), `[profile sso-legacy]
sso_start_url = `+startURL+`
sso_region = us-east-1
sso_account_id = 123456789012
sso_role_name = Admin
region = us-east-1

[profile sso]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Admin
region = us-east-1

[sso-session corp]
sso_start_url = `+startURL+`
sso_region = us-east-1

[profile noregion]
aws_access_key_id = AKIDEXAMPLE
aws_secret_access_key = secret
`)
	// Both sign-ins ran out yesterday, in the cache where `aws sso login`
	// leaves them (named by the SHA-1 of the start URL or the session).
	expired := `{"accessToken":"x","expiresAt":"2020-01-01T00:00:00Z","region":"us-east-1","startUrl":"` + startURL + `"}`
	for _, key := range []string{startURL, "corp"} {
		sum := sha1.Sum([]byte(key))
		writeFile(t, filepath.Join(home, ".aws", "sso", "cache", hex.EncodeToString(sum[:])+".json"), expired)
	}
	endpoint := closedPort(t)
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"no credentials", []string{"--region", "us-east-1", "--endpoint-url", endpoint},
			[]string{"error: listing user pools: no AWS credentials found", "hint: pass --profile NAME or set AWS_PROFILE"}},
		{"expired SSO session", []string{"--profile", "sso-legacy", "--endpoint-url", endpoint},
			[]string{"the AWS SSO session has expired", "hint: sign in again with `aws sso login"}},
		{"expired SSO session (sso-session)", []string{"--profile", "sso", "--endpoint-url", endpoint},
			[]string{"the AWS SSO session has expired", "aws sso login"}},
		{"no region", []string{"--profile", "noregion"},
			[]string{"error: no AWS region", "hint: pass --region"}},
		{"not a region", []string{"--profile", "noregion", "--region", "eu-west"},
			[]string{`error: "eu-west" is not an AWS region`, "region names look like"}},
		{"an availability zone", []string{"--profile", "noregion", "--region", "us-east-1a"},
			[]string{`"us-east-1a" is an availability zone; its region is us-east-1`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stderr := runAWS(t, append([]string{"users", "list", "-f", "{file}"}, tc.args...))
			if code != cmdutil.ExitFailure {
				t.Fatalf("exit %d:\n%s", code, stderr)
			}
			assertOneClearError(t, stderr, tc.want...)
			if lines := strings.Count(strings.TrimSpace(stderr), "\n") + 1; lines != 2 {
				t.Errorf("%d lines, want the error and its hint:\n%s", lines, stderr)
			}
		})
	}
}

// The SDK logs to stderr on its own ("WARN falling back to IMDSv1" when
// the instance metadata service refuses a token); none of it may show.
func TestNoSDKLogReachesTheTerminal(t *testing.T) {
	imds := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// No IMDSv2 token and no role, as on a machine that is not EC2.
		http.NotFound(w, r)
	}))
	defer imds.Close()
	t.Setenv("AWS_EC2_METADATA_DISABLED", "false")
	t.Setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.URL)
	t.Setenv("AWS_MAX_ATTEMPTS", "1")

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr := os.Stderr
	os.Stderr = w
	code, out := runAWS(t, []string{"users", "list", "--pool-id", "us-east-1_AbC123", "--region", "us-east-1", "--endpoint-url", closedPort(t)})
	os.Stderr = stderr
	w.Close()
	leaked, _ := io.ReadAll(r)

	if len(leaked) > 0 {
		t.Errorf("the SDK wrote to the process's stderr: %q", leaked)
	}
	if code != cmdutil.ExitFailure || !strings.Contains(out, "no AWS credentials found") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}
