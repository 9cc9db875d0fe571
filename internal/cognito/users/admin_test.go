package users_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"

	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/users"
	"github.com/cogwiz/cogwiz/internal/cognito/users/userstest"
	"github.com/cogwiz/cogwiz/internal/emulator"
)

var seed = []userstest.User{
	{Username: "alice", Email: "alice@example.com", Password: "password1"},
	{Username: "anna", Email: "anna@example.com"},
	{Username: "bob", Email: "bob@example.com"},
	{Username: "carol", Email: "carol@example.org"},
}

// snapshot renders every user except skip (status, enabled, attributes,
// groups) so that a test can prove an operation touched nobody else.
func snapshot(t *testing.T, api cognito.API, poolID, skip string) string {
	t.Helper()
	var lines []string
	for _, name := range userstest.Usernames(t, api, poolID) {
		if name == skip {
			continue
		}
		u := userstest.GetUser(t, api, poolID, name)
		var attrs []string
		for _, a := range u.UserAttributes {
			attrs = append(attrs, aws.ToString(a.Name)+"="+aws.ToString(a.Value))
		}
		sort.Strings(attrs)
		lines = append(lines, fmt.Sprintf("%s %s %t %v %v %v", name, u.UserStatus, u.Enabled, attrs, userstest.GroupsOf(t, api, poolID, name), aws.ToTime(u.UserLastModifiedDate)))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func TestUsersAgainstEmulator(t *testing.T) {
	s := emulator.Start(t)
	api := s.Client(t)
	ctx := context.Background()

	setup := func(t *testing.T) (*users.Service, string) {
		t.Helper()
		p := userstest.NewPool(t, api, userstest.Pool{})
		userstest.Seed(t, api, p.PoolID, seed...)
		return users.New(api, p.PoolID), p.PoolID
	}

	t.Run("list with a prefix filter returns exactly the matching users", func(t *testing.T) {
		t.Parallel()
		svc, _ := setup(t)
		filter, err := users.Query{Expr: `email ^= "a"`}.Filter()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		n, err := svc.List(ctx, users.ListOptions{Filter: filter}, func(u users.User) error {
			got = append(got, u.Username)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(got)
		if n != 2 || !slices.Equal(got, []string{"alice", "anna"}) {
			t.Fatalf("email ^= \"a\" gave %d users %v, want alice and anna", n, got)
		}
		count, err := svc.Count(ctx, `cognito:user_status = "CONFIRMED"`)
		if err != nil || count != 1 {
			t.Fatalf("confirmed users = %d, %v; want 1 (alice)", count, err)
		}
	})

	t.Run("create makes exactly one user with the given attributes", func(t *testing.T) {
		t.Parallel()
		svc, pool := setup(t)
		before := snapshot(t, api, pool, "dave")
		u, err := svc.Create(ctx, users.CreateInput{Username: "dave", Attributes: map[string]string{"email": "dave@example.com", "custom:tier": "gold"}, Suppress: true})
		if err != nil {
			t.Fatal(err)
		}
		if u.Username != "dave" || u.Status != "FORCE_CHANGE_PASSWORD" {
			t.Fatalf("created %+v", u)
		}
		got := userstest.GetUser(t, api, pool, "dave")
		if userstest.Attr(got, "custom:tier") != "gold" || userstest.Attr(got, "email") != "dave@example.com" {
			t.Fatalf("fresh read of dave: %+v", got.UserAttributes)
		}
		if after := snapshot(t, api, pool, "dave"); after != before {
			t.Fatalf("other users changed:\n%s\n---\n%s", before, after)
		}
	})

	t.Run("bad input is refused before anything changes", func(t *testing.T) {
		t.Parallel()
		svc, pool := setup(t)
		before := snapshot(t, api, pool, "")
		cases := []struct {
			name string
			err  error
			want string
		}{
			{"undeclared attribute", func() error {
				_, err := svc.Create(ctx, users.CreateInput{Username: "eve", Attributes: map[string]string{"custom:nope": "x"}, Suppress: true})
				return err
			}(), `attribute "custom:nope" is not in the pool's schema`},
			{"weak temporary password", func() error {
				_, err := svc.Create(ctx, users.CreateInput{Username: "eve", TemporaryPassword: "short", Suppress: true})
				return err
			}(), "at least 8 characters, a number"},
			{"weak password", svc.SetPassword(ctx, "alice", "nodigits", true), "it needs a number"},
			{"unknown user", svc.Disable(ctx, "nobody"), `user "nobody" not found`},
			{"unknown group", svc.AddToGroup(ctx, "bob", "Nope"), `group "Nope" not found`},
			{"existing user", func() error {
				_, err := svc.Create(ctx, users.CreateInput{Username: "bob", Suppress: true})
				return err
			}(), `user "bob" already exists`},
		}
		for _, c := range cases {
			var e *users.Error
			if !errors.As(c.err, &e) || !strings.Contains(e.Msg, c.want) || e.Hint == "" {
				t.Errorf("%s: got %v, want %q with a hint", c.name, c.err, c.want)
			}
		}
		if !errors.Is(cases[3].err, users.ErrUserNotFound) || !errors.Is(cases[4].err, users.ErrGroupNotFound) {
			t.Errorf("not-found errors do not match their sentinels")
		}
		if after := snapshot(t, api, pool, ""); after != before {
			t.Fatalf("refused input changed the pool:\n%s\n---\n%s", before, after)
		}
	})

	t.Run("disable and enable flip only that user", func(t *testing.T) {
		t.Parallel()
		svc, pool := setup(t)
		before := snapshot(t, api, pool, "bob")
		if err := svc.Disable(ctx, "bob"); err != nil {
			t.Fatal(err)
		}
		if userstest.GetUser(t, api, pool, "bob").Enabled {
			t.Fatal("bob still enabled after disable")
		}
		if err := svc.Enable(ctx, "bob"); err != nil {
			t.Fatal(err)
		}
		if !userstest.GetUser(t, api, pool, "bob").Enabled {
			t.Fatal("bob still disabled after enable")
		}
		if after := snapshot(t, api, pool, "bob"); after != before {
			t.Fatalf("other users changed:\n%s\n---\n%s", before, after)
		}
	})

	t.Run("groups: add, list, remove", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{Groups: []string{"Admins", "Editors"}})
		userstest.Seed(t, api, p.PoolID, seed...)
		svc := users.New(api, p.PoolID)
		before := snapshot(t, api, p.PoolID, "anna")
		if err := svc.AddToGroup(ctx, "anna", "Editors"); err != nil {
			t.Fatal(err)
		}
		if got := userstest.GroupsOf(t, api, p.PoolID, "anna"); !slices.Equal(got, []string{"Editors"}) {
			t.Fatalf("anna's groups after add = %v", got)
		}
		gs, err := svc.Groups(ctx, "anna")
		if err != nil || len(gs) != 1 || gs[0].Name != "Editors" || aws.ToInt32(gs[0].Precedence) != 2 {
			t.Fatalf("Groups(anna) = %+v, %v", gs, err)
		}
		if err := svc.RemoveFromGroup(ctx, "anna", "Editors"); err != nil {
			t.Fatal(err)
		}
		if got := userstest.GroupsOf(t, api, p.PoolID, "anna"); len(got) != 0 {
			t.Fatalf("anna's groups after remove = %v", got)
		}
		if after := snapshot(t, api, p.PoolID, "anna"); after != before {
			t.Fatalf("other users changed:\n%s\n---\n%s", before, after)
		}
	})

	t.Run("set-password makes the user confirmed and able to sign in", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{})
		userstest.Seed(t, api, p.PoolID, seed...)
		svc := users.New(api, p.PoolID)
		before := snapshot(t, api, p.PoolID, "bob")
		if err := svc.SetPassword(ctx, "bob", "correct-horse-9", true); err != nil {
			t.Fatal(err)
		}
		if st := userstest.GetUser(t, api, p.PoolID, "bob").UserStatus; st != types.UserStatusTypeConfirmed {
			t.Fatalf("bob's status = %s, want CONFIRMED", st)
		}
		out, err := api.InitiateAuth(ctx, &cip.InitiateAuthInput{ClientId: aws.String(p.ClientID), AuthFlow: types.AuthFlowTypeUserPasswordAuth,
			AuthParameters: map[string]string{"USERNAME": "bob", "PASSWORD": "correct-horse-9"}})
		if err != nil || out.AuthenticationResult == nil {
			t.Fatalf("sign-in with the new password: %v", err)
		}
		if after := snapshot(t, api, p.PoolID, "bob"); after != before {
			t.Fatalf("other users changed:\n%s\n---\n%s", before, after)
		}
	})

	t.Run("delete removes only that user", func(t *testing.T) {
		t.Parallel()
		svc, pool := setup(t)
		before := snapshot(t, api, pool, "carol")
		if err := svc.Delete(ctx, "carol"); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Get(ctx, "carol"); !errors.Is(err, users.ErrUserNotFound) {
			t.Fatalf("Get after delete: %v, want not found", err)
		}
		if names := userstest.Usernames(t, api, pool); len(names) != 3 || slices.Contains(names, "carol") {
			t.Fatalf("users after delete = %v", names)
		}
		if after := snapshot(t, api, pool, "carol"); after != before {
			t.Fatalf("other users changed:\n%s\n---\n%s", before, after)
		}
	})

	t.Run("confirm turns a sign-up into a confirmed user once", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{})
		svc := users.New(api, p.PoolID)
		if _, err := api.SignUp(ctx, &cip.SignUpInput{ClientId: aws.String(p.ClientID), Username: aws.String("frank"), Password: aws.String("password1"),
			UserAttributes: []types.AttributeType{{Name: aws.String("email"), Value: aws.String("frank@example.com")}}}); err != nil {
			t.Fatal(err)
		}
		changed, err := svc.Confirm(ctx, "frank")
		if err != nil || !changed {
			t.Fatalf("Confirm = %v, %v", changed, err)
		}
		if st := userstest.GetUser(t, api, p.PoolID, "frank").UserStatus; st != types.UserStatusTypeConfirmed {
			t.Fatalf("status = %s", st)
		}
		if changed, err := svc.Confirm(ctx, "frank"); err != nil || changed {
			t.Fatalf("second Confirm = %v, %v; want no change", changed, err)
		}
	})

	t.Run("email-username pool: an email finds the user and their groups", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{UsernameAttributes: []types.UsernameAttributeType{types.UsernameAttributeTypeEmail}})
		svc := users.New(api, p.PoolID)
		if _, err := svc.Create(ctx, users.CreateInput{Username: "gina@example.com", Attributes: map[string]string{"email": "gina@example.com"}, Suppress: true}); err != nil {
			t.Fatal(err)
		}
		u, err := svc.Get(ctx, "gina@example.com")
		if err != nil || u.Username == "gina@example.com" || u.Email != "gina@example.com" {
			t.Fatalf("Get by email = %+v, %v; want the sub as username", u, err)
		}
		if err := svc.AddToGroup(ctx, "gina@example.com", "Admins"); err != nil {
			t.Fatal(err)
		}
		gs, err := svc.Groups(ctx, "gina@example.com")
		if err != nil || len(gs) != 1 || gs[0].Name != "Admins" {
			t.Fatalf("Groups by email = %+v, %v; want Admins", gs, err)
		}
	})

	t.Run("sign-out, reset-password and mfa send what AWS expects", func(t *testing.T) {
		t.Parallel()
		p := userstest.NewPool(t, api, userstest.Pool{})
		userstest.Seed(t, api, p.PoolID, seed...)
		rec := userstest.NewRecorder(api)
		svc := users.New(rec, p.PoolID)
		if err := svc.SignOut(ctx, "alice"); err != nil {
			t.Fatal(err)
		}
		if err := svc.ResetPassword(ctx, "bob"); err != nil {
			t.Fatal(err)
		}
		on := true
		if err := svc.SetMFA(ctx, "anna", users.MFAChange{TOTP: &on, Preferred: users.FactorTOTP}); err != nil {
			t.Fatal(err)
		}
		so := rec.Calls("AdminUserGlobalSignOut")
		rp := rec.Calls("AdminResetUserPassword")
		mf := rec.Calls("AdminSetUserMFAPreference")
		if len(so) != 1 || aws.ToString(so[0].Input.(*cip.AdminUserGlobalSignOutInput).Username) != "alice" {
			t.Fatalf("sign-out calls = %+v", so)
		}
		if len(rp) != 1 || aws.ToString(rp[0].Input.(*cip.AdminResetUserPasswordInput).UserPoolId) != p.PoolID {
			t.Fatalf("reset calls = %+v", rp)
		}
		in := mf[0].Input.(*cip.AdminSetUserMFAPreferenceInput)
		if in.SMSMfaSettings != nil || in.SoftwareTokenMfaSettings == nil || !in.SoftwareTokenMfaSettings.Enabled || !in.SoftwareTokenMfaSettings.PreferredMfa {
			t.Fatalf("mfa input = %+v", in)
		}
		// Unknown users fail before any request is sent.
		if err := svc.SignOut(ctx, "nobody"); !errors.Is(err, users.ErrUserNotFound) {
			t.Fatalf("sign-out of nobody: %v", err)
		}
		if n := len(rec.Calls("AdminUserGlobalSignOut")); n != 1 {
			t.Fatalf("sign-out of an unknown user reached Cognito (%d calls)", n)
		}
	})
}
