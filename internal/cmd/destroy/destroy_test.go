package destroy

import (
	"github.com/cogwiz/cogwiz/internal/cmdutil/cmdtest"

	"github.com/spf13/cobra"

	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/config"
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
	b, err := config.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "cognito.yaml")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return fake, file
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
	if !strings.Contains(out, "users (Cognito's estimate): 3") || !strings.Contains(out, "app client web") {
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
