package users_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/cmd/clitest"
	"github.com/cogwiz/cogwiz/internal/cmd/root"
	"github.com/cogwiz/cogwiz/internal/cmd/users"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/users/userstest"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/emulator"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

type result struct {
	code   int
	stdout string
	stderr string
}

// run executes cogwiz with args against api; stdin feeds the command and
// tty pretends all three streams are a terminal.
func run(t *testing.T, api cognito.API, stdin string, tty bool, args ...string) result {
	t.Helper()
	ios, out, errOut := clitest.Streams(stdin, tty)
	f := &cmdutil.Factory{IOStreams: ios, Cognito: func(context.Context) (cognito.API, error) { return api, nil }}
	code := root.Run(context.Background(), f, args)
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

var seed = []userstest.User{
	{Username: "alice", Email: "alice@example.com", Password: "password1"},
	{Username: "anna", Email: "anna@example.com"},
	{Username: "bob", Email: "bob@example.com"},
	{Username: "carol", Email: "carol@example.org"},
}

func TestNewCmdUsersParsesFlags(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios}
	for _, tc := range []struct {
		args  []string
		check func(*users.Options) bool
	}{
		{[]string{"list", "--email-prefix", "jo", "--limit", "5", "--json-lines"}, func(o *users.Options) bool {
			return o.Command == "list" && o.Query.EmailPrefix == "jo" && o.Limit == 5 && o.JSONLines
		}},
		{[]string{"create", "ada", "--attribute", "email=a@b.c", "--attribute", "custom:tier=x=y", "--suppress"}, func(o *users.Options) bool {
			return o.User == "ada" && o.Attributes["email"] == "a@b.c" && o.Attributes["custom:tier"] == "x=y" && o.Suppress
		}},
		{[]string{"mfa", "ada", "--sms", "off", "--totp", "on", "--preferred", "totp"}, func(o *users.Options) bool {
			return o.MFA.SMS != nil && !*o.MFA.SMS && o.MFA.TOTP != nil && *o.MFA.TOTP && o.MFA.Preferred == "totp"
		}},
		{[]string{"add-to-group", "ada", "Admins", "--pool-id", "p1"}, func(o *users.Options) bool {
			return o.Command == "add-to-group" && o.User == "ada" && o.Group == "Admins" && o.PoolID == "p1"
		}},
		{[]string{"set-password", "ada", "pw", "--permanent"}, func(o *users.Options) bool {
			return o.Password == "pw" && o.Permanent
		}},
	} {
		var got *users.Options
		cmd := users.NewCmdUsers(f, func(o *users.Options) error { got = o; return nil })
		cmd.SetArgs(tc.args)
		cmd.SetOut(&bytes.Buffer{})
		cmd.SetErr(&bytes.Buffer{})
		if err := cmd.Execute(); err != nil {
			t.Errorf("%v: %v", tc.args, err)
			continue
		}
		if got == nil || !tc.check(got) {
			t.Errorf("%v parsed to %+v", tc.args, got)
		}
	}
}

func TestUsersCommandsAgainstEmulator(t *testing.T) {
	s := emulator.Start(t)
	api := s.Client(t)
	setup := func(t *testing.T) string {
		t.Helper()
		p := userstest.NewPool(t, api, userstest.Pool{Groups: []string{"Admins", "Editors"}})
		userstest.Seed(t, api, p.PoolID, seed...)
		return p.PoolID
	}

	t.Run("list --filter --json returns exactly the matching users", func(t *testing.T) {
		t.Parallel()
		pool := setup(t)
		r := run(t, api, "", false, "users", "list", "--pool-id", pool, "--filter", `email ^= "a"`, "--json")
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		var got []struct {
			Username string `json:"username"`
			Email    string `json:"email"`
			Status   string `json:"status"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Fatalf("stdout is not a JSON array: %v\n%s", err, r.stdout)
		}
		var names []string
		for _, u := range got {
			names = append(names, u.Username+" "+u.Email)
		}
		sort.Strings(names)
		if !slices.Equal(names, []string{"alice alice@example.com", "anna anna@example.com"}) {
			t.Fatalf("matched %v", names)
		}
	})

	t.Run("list formats: json-lines, tsv, table, empty array", func(t *testing.T) {
		t.Parallel()
		pool := setup(t)
		r := run(t, api, "", false, "users", "list", "--pool-id", pool, "--status", "confirmed", "--json-lines")
		if lines := strings.Split(strings.TrimSpace(r.stdout), "\n"); r.code != 0 || len(lines) != 1 || !strings.Contains(lines[0], `"username":"alice"`) {
			t.Fatalf("json-lines: exit %d %q %s", r.code, r.stdout, r.stderr)
		}
		r = run(t, api, "", false, "users", "list", "--pool-id", pool, "--email-prefix", "carol")
		if f := strings.Split(strings.TrimSpace(r.stdout), "\t"); r.code != 0 || len(f) != 6 || f[0] != "carol" || f[1] != "FORCE_CHANGE_PASSWORD" || f[2] != "yes" {
			t.Fatalf("tsv: %q", r.stdout)
		}
		r = run(t, api, "", true, "users", "list", "--pool-id", pool)
		lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
		if r.code != 0 || len(lines) != 5 || !strings.HasPrefix(lines[0], "USERNAME") || !strings.Contains(r.stdout, "bob@example.com") {
			t.Fatalf("table:\n%s", r.stdout)
		}
		r = run(t, api, "", false, "users", "list", "--pool-id", pool, "--email-prefix", "zed", "--json")
		if r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
			t.Fatalf("no match: %q", r.stdout)
		}
		r = run(t, api, "", false, "users", "list", "--pool-id", pool, "--limit", "3", "--json")
		var got []any
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || len(got) != 3 {
			t.Fatalf("--limit 3 gave %d users (%v)", len(got), err)
		}
	})

	t.Run("list refuses filters Cognito would reject, with exit 3 and a hint", func(t *testing.T) {
		t.Parallel()
		for _, args := range [][]string{
			{"--email-prefix", "a", "--status", "CONFIRMED"},
			{"--filter", `custom:tier = "gold"`},
			{"--filter", `email ~ "a"`},
			{"--status", "sleepy"},
		} {
			r := run(t, api, "", false, append([]string{"users", "list", "--pool-id", "none"}, args...)...)
			if r.code != cmdutil.ExitUsage || !strings.Contains(r.stderr, "error: ") || !strings.Contains(r.stderr, "hint: ") {
				t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
			}
		}
	})

	t.Run("create, disable, enable, groups, set-password, delete", func(t *testing.T) {
		t.Parallel()
		pool := setup(t)
		ok := func(r result) {
			t.Helper()
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
		}
		ok(run(t, api, "", false, "users", "create", "dave", "--pool-id", pool, "--attribute", "email=dave@example.com", "--attribute", "custom:tier=gold", "--suppress"))
		if u := userstest.GetUser(t, api, pool, "dave"); userstest.Attr(u, "custom:tier") != "gold" || u.UserStatus != types.UserStatusTypeForceChangePassword {
			t.Fatalf("dave after create: %+v", u)
		}
		ok(run(t, api, "", false, "users", "disable", "dave", "--pool-id", pool))
		if userstest.GetUser(t, api, pool, "dave").Enabled {
			t.Fatal("dave enabled after disable")
		}
		ok(run(t, api, "", false, "users", "enable", "dave", "--pool-id", pool))
		if !userstest.GetUser(t, api, pool, "dave").Enabled {
			t.Fatal("dave disabled after enable")
		}
		ok(run(t, api, "", false, "users", "add-to-group", "dave", "Editors", "--pool-id", pool))
		if g := userstest.GroupsOf(t, api, pool, "dave"); !slices.Equal(g, []string{"Editors"}) {
			t.Fatalf("groups after add = %v", g)
		}
		r := run(t, api, "", false, "users", "groups", "dave", "--pool-id", pool, "--json")
		ok(r)
		if !strings.Contains(r.stdout, `"name": "Editors"`) {
			t.Fatalf("groups --json: %s", r.stdout)
		}
		ok(run(t, api, "", false, "users", "remove-from-group", "dave", "Editors", "--pool-id", pool))
		if g := userstest.GroupsOf(t, api, pool, "dave"); len(g) != 0 {
			t.Fatalf("groups after remove = %v", g)
		}
		r = run(t, api, "s3cret-pass-42\n", false, "users", "set-password", "dave", "--password-stdin", "--permanent", "--pool-id", pool)
		ok(r)
		if strings.Contains(r.stdout+r.stderr, "s3cret-pass-42") {
			t.Fatal("the password was printed")
		}
		if st := userstest.GetUser(t, api, pool, "dave").UserStatus; st != types.UserStatusTypeConfirmed {
			t.Fatalf("status after set-password = %s", st)
		}
		if _, err := api.InitiateAuth(context.Background(), &cip.InitiateAuthInput{ClientId: aws.String(clientOf(t, api, pool)), AuthFlow: types.AuthFlowTypeUserPasswordAuth,
			AuthParameters: map[string]string{"USERNAME": "dave", "PASSWORD": "s3cret-pass-42"}}); err != nil {
			t.Fatalf("sign-in with the new password: %v", err)
		}
		r = run(t, api, "", false, "users", "get", "dave", "--pool-id", pool, "--json")
		ok(r)
		var u struct {
			Username   string            `json:"username"`
			Attributes map[string]string `json:"attributes"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &u); err != nil || u.Username != "dave" || u.Attributes["email"] != "dave@example.com" {
			t.Fatalf("get --json: %v %s", err, r.stdout)
		}
		ok(run(t, api, "", false, "users", "delete", "dave", "--yes", "--pool-id", pool))
		if names := userstest.Usernames(t, api, pool); len(names) != len(seed) || slices.Contains(names, "dave") {
			t.Fatalf("users after delete = %v", names)
		}
	})

	t.Run("delete asks on a terminal and refuses without one", func(t *testing.T) {
		t.Parallel()
		pool := setup(t)
		r := run(t, api, "", false, "users", "delete", "bob", "--pool-id", pool)
		if r.code != cmdutil.ExitUsage || !strings.Contains(r.stderr, "--yes") {
			t.Fatalf("no terminal, no --yes: exit %d %q", r.code, r.stderr)
		}
		r = run(t, api, "bobby\n", true, "users", "delete", "bob", "--pool-id", pool)
		if r.code != cmdutil.ExitCancelled || !strings.Contains(r.stderr, "Type the username") {
			t.Fatalf("wrong name typed: exit %d %q", r.code, r.stderr)
		}
		if !slices.Contains(userstest.Usernames(t, api, pool), "bob") {
			t.Fatal("bob deleted without confirmation")
		}
		r = run(t, api, "bob\n", true, "users", "delete", "bob", "--pool-id", pool)
		if r.code != 0 || slices.Contains(userstest.Usernames(t, api, pool), "bob") {
			t.Fatalf("confirmed delete: exit %d %q", r.code, r.stderr)
		}
	})

	t.Run("bad input: one line, a hint, nothing changed", func(t *testing.T) {
		t.Parallel()
		pool := setup(t)
		before := userstest.Usernames(t, api, pool)
		for _, tc := range []struct {
			args []string
			code int
			want string
		}{
			{[]string{"disable", "nobody"}, 1, `error: user "nobody" not found in pool`},
			{[]string{"add-to-group", "bob", "Nope"}, 1, `error: group "Nope" not found`},
			{[]string{"create", "eve", "--attribute", "nick=x", "--suppress"}, 1, `error: attribute "nick" is not in the pool's schema`},
			{[]string{"create", "eve", "--attribute", "tier=x", "--suppress"}, 1, "custom:tier"},
			{[]string{"create", "eve", "--attribute", "email"}, 3, "want NAME=VALUE"},
			{[]string{"set-password", "bob", "weak"}, 1, "password does not meet the pool's password policy"},
			{[]string{"set-password", "bob"}, 3, "--password-stdin"},
			{[]string{"mfa", "bob"}, 3, "nothing to change"},
			{[]string{"mfa", "bob", "--sms", "maybe"}, 3, "want on or off"},
			{[]string{"mfa", "bob", "--sms", "off", "--preferred", "sms"}, 1, "--preferred sms needs that factor on"},
			{[]string{"create", "nomail", "--attribute", "name=No Mail"}, 1, "no email or phone_number to send the invitation to"},
		} {
			r := run(t, api, "", false, append(append([]string{"users"}, tc.args...), "--pool-id", pool)...)
			if r.code != tc.code || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "hint: ") {
				t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, r.code, r.stderr, tc.code, tc.want)
			}
			if strings.Contains(r.stderr, "weak") && tc.args[0] == "set-password" {
				t.Errorf("the password was printed: %q", r.stderr)
			}
		}
		if after := userstest.Usernames(t, api, pool); !slices.Equal(before, after) {
			t.Fatalf("users changed: %v → %v", before, after)
		}
		if !userstest.GetUser(t, api, pool, "bob").Enabled {
			t.Fatal("bob changed")
		}
	})

	t.Run("without --pool-id the pool is the one cognito.yaml names", func(t *testing.T) {
		t.Parallel()
		pool := setup(t)
		if _, err := api.CreateUserPool(context.Background(), &cip.CreateUserPoolInput{PoolName: aws.String("other")}); err != nil {
			t.Fatal(err)
		}
		name := "UsersTest" + strings.TrimPrefix(pool, "local_")
		if _, err := api.UpdateUserPool(context.Background(), &cip.UpdateUserPoolInput{UserPoolId: aws.String(pool), UserPoolTags: map[string]string{cognito.TagResourceName: name}}); err != nil {
			t.Fatal(err)
		}
		cfg := config.Recommended()
		cfg.ResourceName = name
		file := filepath.Join(t.TempDir(), "cognito.yaml")
		if err := config.Save(file, cfg); err != nil {
			t.Fatal(err)
		}
		r := run(t, api, "", false, "users", "list", "-f", file, "--email-prefix", "bob", "--json-lines")
		if r.code != 0 || !strings.Contains(r.stdout, `"username":"bob"`) {
			t.Fatalf("exit %d: %s %s", r.code, r.stdout, r.stderr)
		}
		r = run(t, api, "", false, "users", "list", "-f", filepath.Join(t.TempDir(), "missing.yaml"))
		if r.code != 1 || !strings.Contains(r.stderr, "hint: pass --pool-id") {
			t.Fatalf("missing file: exit %d: %s", r.code, r.stderr)
		}
	})

	t.Run("sign-out, reset-password and mfa reach Cognito with the real username", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{UsernameAttributes: []types.UsernameAttributeType{types.UsernameAttributeTypeEmail}})
		userstest.Seed(t, api, p.PoolID, userstest.User{Username: "ida@example.com", Email: "ida@example.com"})
		sub := aws.ToString(userstest.GetUser(t, api, p.PoolID, "ida@example.com").Username)
		rec := userstest.NewRecorder(api)
		for _, args := range [][]string{
			{"sign-out", "ida@example.com"},
			{"reset-password", "ida@example.com"},
			{"mfa", "ida@example.com", "--sms", "on", "--preferred", "sms"},
		} {
			if r := run(t, rec, "", false, append(append([]string{"users"}, args...), "--pool-id", p.PoolID)...); r.code != 0 || !strings.HasPrefix(r.stderr, "✓ ") {
				t.Fatalf("%v: exit %d %q", args, r.code, r.stderr)
			}
		}
		so := rec.Calls("AdminUserGlobalSignOut")[0].Input.(*cip.AdminUserGlobalSignOutInput)
		rp := rec.Calls("AdminResetUserPassword")[0].Input.(*cip.AdminResetUserPasswordInput)
		mf := rec.Calls("AdminSetUserMFAPreference")[0].Input.(*cip.AdminSetUserMFAPreferenceInput)
		if aws.ToString(so.Username) != sub || aws.ToString(rp.Username) != sub || aws.ToString(mf.Username) != sub {
			t.Fatalf("calls did not use the resolved username %s", sub)
		}
		if mf.SMSMfaSettings == nil || !mf.SMSMfaSettings.Enabled || !mf.SMSMfaSettings.PreferredMfa || mf.SoftwareTokenMfaSettings != nil {
			t.Fatalf("mfa input = %+v", mf)
		}
	})
}

func clientOf(t *testing.T, api cognito.API, pool string) string {
	t.Helper()
	out, err := api.ListUserPoolClients(context.Background(), &cip.ListUserPoolClientsInput{UserPoolId: aws.String(pool), MaxResults: aws.Int32(10)})
	if err != nil || len(out.UserPoolClients) == 0 {
		t.Fatalf("ListUserPoolClients: %v", err)
	}
	return aws.ToString(out.UserPoolClients[0].ClientId)
}

func TestListStreamsManyPages(t *testing.T) {
	t.Parallel()
	api := userstest.PagedClient(t, 425)
	// Rows to a pipe, stderr on a terminal: the progress line shows.
	ios, _, out, errOut := iostreams.Test()
	ios.SetStderrTTY(true)
	f := &cmdutil.Factory{IOStreams: ios, Cognito: func(context.Context) (cognito.API, error) { return api, nil }}
	start := time.Now()
	if code := root.Run(context.Background(), f, []string{"users", "list", "--pool-id", "p", "--json"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []struct{ Username string }
	if err := json.Unmarshal(out.Bytes(), &got); err != nil || len(got) != 425 || got[424].Username != "user-00424" {
		t.Fatalf("%d users (%v)", len(got), err)
	}
	if !strings.Contains(errOut.String(), "listed 425 users") {
		t.Fatalf("no progress line: %q", errOut)
	}
	// 8 pages at 25 requests/s cannot take less than 7 intervals of 40ms.
	if d := time.Since(start); d < 280*time.Millisecond {
		t.Fatalf("8 pages took %v: requests are not paced", d)
	}
}
