package destroy

import (
	"github.com/cogwiz/cogwiz/internal/cmd/clitest"
	"github.com/cogwiz/cogwiz/internal/cmdutil/cmdtest"

	"github.com/spf13/cobra"

	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/awsfake"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/emulator"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

func setup(t *testing.T, protect bool) (*cognitofake.Fake, string) {
	t.Helper()
	fake := cognitofake.New(t)
	api := fake.Client(t)
	cfg := cognitofake.FullConfig("Gone")
	cfg.UserPool.DeletionProtection = config.Bool(protect)
	st, p, err := apply.Prepare(context.Background(), api, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := apply.Run(context.Background(), apply.Options{API: api, Desired: cfg, State: st, Plan: p, RatePerSecond: -1})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if _, err := api.AdminCreateUser(context.Background(), &cip.AdminCreateUserInput{UserPoolId: aws.String(res.PoolID), Username: aws.String(fmt.Sprintf("user%d", i))}); err != nil {
			t.Fatal(err)
		}
	}
	return fake, clitest.WriteConfig(t, t.TempDir(), cfg)
}

func runDestroy(t *testing.T, api cognito.API, file, stdin string, tty bool, args ...string) (string, string, error) {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	ios.SetStdinTTY(tty)
	ios.SetStderrTTY(tty)
	f := &cmdutil.Factory{IOStreams: ios, ConfigFile: file}
	f.Cognito = func(context.Context) (cognito.API, error) { return api, nil }
	cmd := NewCmdDestroy(f, nil)
	cmd.SetArgs(args)
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	err := cmd.Execute()
	return out.String(), errOut.String(), err
}

func TestDestroyRefusesWhileProtected(t *testing.T) {
	t.Parallel()
	fake, file := setup(t, true)
	out, _, err := runDestroy(t, fake.Client(t), file, "", false, "--auto-approve")
	if err == nil || !strings.Contains(err.Error(), "deletion protection") {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(out, "users: 3") || !strings.Contains(out, "app client web") {
		t.Errorf("summary:\n%s", out)
	}
	if len(fake.PoolIDs()) != 1 {
		t.Fatal("the pool was deleted")
	}
	if _, _, err := runDestroy(t, fake.Client(t), file, "", false, "--auto-approve", "--disable-deletion-protection"); err != nil {
		t.Fatalf("with --disable-deletion-protection: %v", err)
	}
	if len(fake.PoolIDs()) != 0 {
		t.Fatal("the pool is still there")
	}
}

func TestDestroyAsksForTheName(t *testing.T) {
	t.Parallel()
	fake, file := setup(t, false)
	if _, _, err := runDestroy(t, fake.Client(t), file, "", false); err == nil || !strings.Contains(err.Error(), "--auto-approve") {
		t.Fatalf("no terminal: err = %v", err)
	} else if fe := (*cmdutil.FlagError)(nil); !errors.As(err, &fe) {
		t.Errorf("want a usage error, got %T", err)
	}
	_, errOut, err := runDestroy(t, fake.Client(t), file, "yes\n", true)
	if err == nil || len(fake.PoolIDs()) != 1 || !strings.Contains(errOut, "Type the pool name (GonePool)") {
		t.Fatalf("wrong name: err = %v, pools %v\n%s", err, fake.PoolIDs(), errOut)
	}
	if _, _, err := runDestroy(t, fake.Client(t), file, "GonePool\n", true); err != nil || len(fake.PoolIDs()) != 0 {
		t.Fatalf("right name: err = %v, pools %v", err, fake.PoolIDs())
	}
}

// Ctrl-C while destroy waits for the typed name ends the command at once
// (the read from a terminal cannot be interrupted) and deletes nothing.
func TestDestroyCtrlCAtConfirmationDeletesNothing(t *testing.T) {
	t.Parallel()
	fake, file := setup(t, false)
	api, rec := cognitofake.Connect(t, fake.Options())
	ios, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, ConfigFile: file}
	f.Cognito = func(context.Context) (cognito.API, error) { return api, nil }
	newCmd := func() *cobra.Command { return NewCmdDestroy(f, nil) }
	if err := cmdtest.InterruptAtPrompt(t, ios, newCmd, "Type the pool name"); !errors.Is(err, cmdutil.ErrCancelled) {
		t.Fatalf("err = %v, want cancelled (exit 130)", err)
	}
	if w := rec.Writes(); len(w) != 0 {
		t.Errorf("Ctrl-C at the confirmation wrote %v", rec.Ops())
	}
	if len(fake.PoolIDs()) != 1 {
		t.Error("the pool was deleted")
	}
}

// Against cognito-local: --auto-approve deletes only a pool that carries
// this file's tag; the user count is exact (the emulator, like Cognito at
// times, estimates 0 users); a delete whose answer was lost and whose
// retry finds nothing is reported as done, never as "not found".
func TestDestroyAgainstEmulator(t *testing.T) {
	t.Parallel()
	s := emulator.Start(t)
	api, rec := cognitofake.Connect(t, s.Options())
	ctx := context.Background()
	cfg := cognitofake.FullConfig("Mine")
	cfg.UserPool.MFA = nil
	st, p, err := apply.Prepare(ctx, api, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := apply.Run(ctx, apply.Options{API: api, Desired: cfg, State: st, Plan: p, RatePerSecond: -1})
	if err != nil {
		t.Fatal(err)
	}
	file := clitest.WriteConfig(t, t.TempDir(), cfg)

	foreign, err := api.CreateUserPool(ctx, &cip.CreateUserPoolInput{PoolName: aws.String("SomeoneElsesProdPool"), UserPoolTags: map[string]string{"team": "payments"}})
	if err != nil {
		t.Fatal(err)
	}
	other, err := api.CreateUserPool(ctx, &cip.CreateUserPoolInput{PoolName: aws.String("OtherPool"), UserPoolTags: map[string]string{cognito.TagResourceName: "Other"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{aws.ToString(foreign.UserPool.Id), aws.ToString(other.UserPool.Id)} {
		out, _, err := runDestroy(t, api, file, "", false, "--pool-id", id, "--auto-approve")
		if err == nil || !strings.Contains(err.Error(), "is not tagged cogwiz:resource-name=Mine") || !strings.Contains(out, "this pool") {
			t.Fatalf("--pool-id %s --auto-approve: err = %v\n%s", id, err, out)
		}
		if _, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(id)}); err != nil {
			t.Fatalf("the pool %s was deleted: %v", id, err)
		}
	}
	// Typing its name is the way to delete someone else's pool on purpose.
	if _, _, err := runDestroy(t, api, file, "SomeoneElsesProdPool\n", true, "--pool-id", aws.ToString(foreign.UserPool.Id)); err != nil {
		t.Fatalf("typed name: %v", err)
	}

	for i := 0; i < 3; i++ {
		if _, err := api.AdminCreateUser(ctx, &cip.AdminCreateUserInput{UserPoolId: aws.String(res.PoolID), Username: aws.String(fmt.Sprintf("user%d@example.com", i)), MessageAction: "SUPPRESS"}); err != nil {
			t.Fatal(err)
		}
	}
	sum, err := cognito.DescribePool(ctx, api, res.PoolID)
	if err != nil || sum.EstimatedUsers != 0 {
		t.Fatalf("the emulator's estimate is %d (%v); this test shows the count does not use it", sum.EstimatedUsers, err)
	}
	if n, more, err := cognito.CountUsers(ctx, api, res.PoolID, 2); err != nil || n != 2 || !more {
		t.Errorf("count up to 2 = %d, more %v (%v); want 2 and more", n, more, err)
	}

	rec.Fault = awsfake.Once("DeleteUserPool", 0, awsfake.LoseReply)
	out, errOut, err := runDestroy(t, api, file, "", false, "--auto-approve")
	if err != nil {
		t.Fatalf("destroy after a lost answer: %v\n%s", err, errOut)
	}
	if !strings.Contains(out, "users: 3\n") || !strings.Contains(errOut, "Destroyed user pool MinePool") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", out, errOut)
	}
	if n := rec.Count("DeleteUserPool"); n != 2 {
		t.Errorf("DeleteUserPool went out %d times, want 2 (the lost answer, then the retry)", n)
	}
	if _, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(res.PoolID)}); !cognito.IsNotFound(err) {
		t.Errorf("the pool is still there: %v", err)
	}
}

// A delete that fails after deletion protection was turned off turns it
// back on, and says so (the emulator has no deletion protection; the fake
// follows AWS).
func TestFailedDestroyTurnsDeletionProtectionBackOn(t *testing.T) {
	t.Parallel()
	fake, file := setup(t, true)
	api, rec := cognitofake.Connect(t, fake.Options())
	rec.Fault = func(c awsfake.Call, _ int) awsfake.Fault {
		if c.Op == "DeleteUserPool" {
			return awsfake.Fail500
		}
		return awsfake.NoFault
	}
	_, _, err := runDestroy(t, api, file, "", false, "--auto-approve", "--disable-deletion-protection")
	if err == nil || !strings.Contains(err.Error(), "deletion protection of") || !strings.Contains(err.Error(), "was turned back on") {
		t.Fatalf("err = %v", err)
	}
	ids := fake.PoolIDs()
	if len(ids) != 1 {
		t.Fatalf("pools = %v", ids)
	}
	sum, err := cognito.DescribePool(context.Background(), api, ids[0])
	if err != nil || !sum.DeletionProtection {
		t.Errorf("deletion protection is off after the failed destroy (%v)", err)
	}
}
