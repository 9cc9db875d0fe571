package update_test

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/cmd/clitest"
	"github.com/cogwiz/cogwiz/internal/cmd/update"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/emulator"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// poolCheck builds the command with its own default pool check over the
// given Cognito client, runs that check, and returns what it printed.
func poolCheck(t *testing.T, api cognito.API, cfgErr error) string {
	t.Helper()
	file := writeConfig(t, config.Recommended())
	ios, _, _, stderr := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, ConfigFile: file}
	f.Cognito = func(context.Context) (cognito.API, error) { return api, cfgErr }
	f.IOStreams = clitest.TTY(ios)
	cmd := update.NewCmdUpdate(f, func(o *update.Options) error {
		exists := o.PoolExists(context.Background(), config.Recommended())
		if exists {
			stderr.WriteString("POOL EXISTS\n")
		}
		return nil
	})
	cmd.SetArgs(nil)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	return stderr.String()
}

func TestUpdateFindsTheLivePoolByItsTag(t *testing.T) {
	s := emulator.Start(t)
	api := s.Client(t)
	stderr := poolCheck(t, api, nil)
	if strings.Contains(stderr, "POOL EXISTS") {
		t.Fatalf("no pool yet, but the check said it exists:\n%s", stderr)
	}
	if _, err := api.CreateUserPool(context.Background(), &cip.CreateUserPoolInput{
		PoolName:     aws.String("AppUserPool"),
		UserPoolTags: map[string]string{cognito.TagResourceName: config.Recommended().ResourceName},
	}); err != nil {
		t.Fatal(err)
	}
	stderr = poolCheck(t, api, nil)
	if !strings.Contains(stderr, "POOL EXISTS") {
		t.Fatalf("the tagged pool was not found:\n%s", stderr)
	}
}

func TestUpdatePoolCheckFallsBackWithoutAWS(t *testing.T) {
	stderr := poolCheck(t, nil, context.DeadlineExceeded)
	if strings.Contains(stderr, "POOL EXISTS") || !strings.Contains(stderr, "could not check whether the user pool exists") {
		t.Fatalf("want the fallback note and no pool:\n%s", stderr)
	}
}
