package try_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/cmd/clitest"
	"github.com/cogwiz/cogwiz/internal/cmd/root"
	"github.com/cogwiz/cogwiz/internal/cmd/try"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/users/userstest"
	"github.com/cogwiz/cogwiz/internal/emulator"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// run runs cogwiz over api; endpoint is --endpoint-url ("" for AWS).
func run(t *testing.T, api cognito.API, endpoint, stdin string, tty bool, args ...string) (int, string, string) {
	t.Helper()
	ios, out, errOut := clitest.Streams(stdin, tty)
	f := &cmdutil.Factory{IOStreams: ios, Cognito: func(context.Context) (cognito.API, error) { return api, nil }}
	if endpoint != "" {
		args = append(args, "--endpoint-url", endpoint)
	}
	code := root.Run(context.Background(), f, args)
	return code, out.String(), errOut.String()
}

func TestNewCmdTryFlags(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var got *try.Options
	cmd := try.NewCmdTry(&cmdutil.Factory{IOStreams: ios}, func(o *try.Options) error { got = o; return nil })
	cmd.SetArgs([]string{"--yes", "--client", "web", "--pool-id", "p1"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if !got.Yes || got.Client != "web" || got.PoolID != "p1" {
		t.Fatalf("parsed %+v", got)
	}
}

func TestTryAgainstEmulator(t *testing.T) {
	s := emulator.Start(t)
	api := s.Client(t)
	seed := []userstest.User{{Username: "alice", Email: "alice@example.com"}, {Username: "bob", Email: "bob@example.com"}}

	t.Run("--yes signs a user up and in, reports each step and leaves the pool as it was", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{})
		userstest.Seed(t, api, p.PoolID, seed...)
		code, out, errOut := run(t, api, s.Endpoint, "", false, "try", "--yes", "--pool-id", p.PoolID)
		if code != 0 {
			t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
		}
		for _, want := range []string{
			"✓ sign-up: the pool accepts self sign-up of cogwiz-try-",
			"✓ confirm: an administrator can confirm the account",
			"✓ sign-in: the client signs users in with USER_PASSWORD_AUTH",
			"✓ id-token: the pool issued an ID token for client web",
			"✓ forgot-password: users can recover their account",
			"✓ clean-up: the throw-away user cogwiz-try-",
			"issued by  " + s.Endpoint + "/" + p.PoolID,
			"for        app client " + p.ClientID,
			"token_use",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("stdout lacks %q:\n%s", want, out)
			}
		}
		if !strings.Contains(errOut, "all 6 steps passed") {
			t.Errorf("stderr: %s", errOut)
		}
		if n := len(userstest.Usernames(t, api, p.PoolID)); n != len(seed) {
			t.Fatalf("user count after try = %d, want %d", n, len(seed))
		}
	})

	t.Run("on a terminal it asks for the code and uses it", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{})
		code, out, errOut := run(t, api, s.Endpoint, emulator.Code+"\n", true, "try", "--pool-id", p.PoolID, "--client", "web")
		if code != 0 || !strings.Contains(errOut, "Confirmation code") || !strings.Contains(out, "✓ confirm: the code Cognito sent") {
			t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
		}
		code, out, _ = run(t, api, s.Endpoint, "000000\n", true, "try", "--pool-id", p.PoolID)
		if code != 1 || !strings.Contains(out, "✗ confirm:") || !strings.Contains(out, "✓ clean-up") {
			t.Fatalf("a wrong code: exit %d\n%s", code, out)
		}
		if n := len(userstest.Usernames(t, api, p.PoolID)); n != 0 {
			t.Fatalf("user count after try = %d, want 0", n)
		}
	})

	t.Run("a failing step exits 1 and still cleans up", func(t *testing.T) {
		t.Parallel()
		// cognito-local cannot do SRP, and nothing stands in for it here.
		p := userstest.NewPool(t, api, userstest.Pool{AuthFlows: []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowUserSrpAuth}})
		code, out, errOut := run(t, api, s.Endpoint, "", false, "try", "--yes", "--pool-id", p.PoolID)
		if code != 1 || !strings.Contains(out, "✗ sign-in:") || !strings.Contains(out, "✓ clean-up") || !strings.Contains(errOut, "steps failed") {
			t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
		}
		if n := len(userstest.Usernames(t, api, p.PoolID)); n != 0 {
			t.Fatalf("user left behind: %d", n)
		}
	})

	t.Run("SRP through the recording fake", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{Secret: true, AuthFlows: []types.ExplicitAuthFlowsType{types.ExplicitAuthFlowsTypeAllowUserSrpAuth}})
		rec := userstest.NewRecorder(api)
		code, out, errOut := run(t, rec, s.Endpoint, "", false, "try", "--yes", "--pool-id", p.PoolID)
		if code != 0 || !strings.Contains(out, "✓ sign-in: the client signs users in with USER_SRP_AUTH") {
			t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
		}
		if len(rec.Calls("RespondToAuthChallenge")) != 1 {
			t.Fatal("no PASSWORD_VERIFIER answer was sent")
		}
	})

	t.Run("on AWS without --email it says the code cannot be read and asks nothing", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{})
		code, out, errOut := run(t, api, "", "", true, "try", "--pool-id", p.PoolID)
		if code != 0 {
			t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
		}
		if strings.Contains(errOut, "Confirmation code") {
			t.Errorf("asked for a code sent to an inbox nobody reads:\n%s", errOut)
		}
		for _, want := range []string{"✓ confirm: an administrator can confirm the account",
			"the code went to the throw-away email address, which nobody can read", "pass --email ADDRESS"} {
			if !strings.Contains(out, want) {
				t.Errorf("stdout lacks %q:\n%s", want, out)
			}
		}
	})

	t.Run("--email sends the code to that address and asks for it", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{})
		rec := userstest.NewRecorder(api)
		// As on AWS (no endpoint): the code is asked for because it went to
		// the address given.
		code, out, errOut := run(t, rec, "", emulator.Code+"\n", true, "try", "--pool-id", p.PoolID, "--email", "me@example.org")
		if code != 0 || !strings.Contains(errOut, "Confirmation code (sent by email to ") || !strings.Contains(out, "✓ confirm: the code Cognito sent") {
			t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
		}
		if !strings.Contains(errOut, "its codes go to me@example.org") || !strings.Contains(out, "(yours: it should arrive there)") {
			t.Errorf("the run does not say where the codes go:\n%s\n%s", errOut, out)
		}
		signUps := rec.Calls("SignUp")
		if len(signUps) != 1 || !hasAttribute(signUps[0].Input, "email", "me@example.org") {
			t.Errorf("SignUp did not carry the address: %+v", signUps)
		}
	})

	t.Run("--email needs a terminal to type the code, unless --yes", func(t *testing.T) {
		t.Parallel()
		code, _, errOut := run(t, api, "", "", false, "try", "--pool-id", "us-east-1_AbC123", "--email", "me@example.org")
		if code != cmdutil.ExitUsage || !strings.Contains(errOut, "add --yes") {
			t.Errorf("exit %d: %s", code, errOut)
		}
		for _, bad := range [][]string{{"--email", "me"}, {"--phone", "0555 0100"}} {
			code, _, errOut := run(t, api, "", "", true, append([]string{"try", "--pool-id", "us-east-1_AbC123"}, bad...)...)
			if code != cmdutil.ExitUsage || !strings.Contains(errOut, "write it like") {
				t.Errorf("%v: exit %d: %s", bad, code, errOut)
			}
		}
	})

	t.Run("an unknown client is a clear error", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{})
		code, _, errOut := run(t, api, s.Endpoint, "", false, "try", "--yes", "--pool-id", p.PoolID, "--client", "mobile")
		if code != 1 || !strings.Contains(errOut, `error: app client "mobile" not found`) || !strings.Contains(errOut, "hint: the pool has web") {
			t.Fatalf("exit %d: %s", code, errOut)
		}
	})
}

func hasAttribute(call any, name, value string) bool {
	in, ok := call.(*cip.SignUpInput)
	if !ok {
		return false
	}
	for _, a := range in.UserAttributes {
		if aws.ToString(a.Name) == name && aws.ToString(a.Value) == value {
			return true
		}
	}
	return false
}
